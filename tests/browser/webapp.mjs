// Drives the web app at APP_URL in headless Chromium, as a user would:
// reads the global timeline (a post made with the CLI, with its image),
// generates a key (which has no on-chain account yet) and forgets it,
// pastes a funded account's recovery phrase, creates the profile, posts
// with an uploaded image, sees the post in the timeline, replies in the
// thread view, opens the profile page, follows the CLI poster to fill
// the following timeline, then enables fast posting (an app key registered
// with one tx) and posts through the message lane: pending, then included,
// then in the timeline, without a transaction. Saves
// ARTIFACT_DIR/webapp-timeline.png and webapp-lane.png. Run by
// tests/e2e/webapp_test.go, which starts the dev chain and prepares the
// accounts; exits non-zero with the failing step on any failure.
//
// Env: APP_URL (http://127.0.0.1:1317/app/), MNEMONIC (funded, no profile),
// HANDLE (the profile to create), SEED_TEXT and SEED_ALT (the CLI post and
// its image's alt text), CHROMIUM_BIN (/usr/bin/chromium), ARTIFACT_DIR
// (build/artifacts).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

function env(name, fallback) {
  const v = process.env[name] ?? fallback;
  if (v === undefined || v === '') throw new Error(`environment variable ${name} is required`);
  return v;
}

const appURL = env('APP_URL', 'http://127.0.0.1:1317/app/');
const mnemonic = env('MNEMONIC');
const handle = env('HANDLE');
const seedText = env('SEED_TEXT');
const seedAlt = env('SEED_ALT');
const chromiumBin = env('CHROMIUM_BIN', '/usr/bin/chromium');
const artifactDir = path.resolve(env('ARTIFACT_DIR', 'build/artifacts'));
const timeout = 30_000;

await mkdir(artifactDir, { recursive: true });
const profileDir = await mkdtemp(path.join(tmpdir(), 'webapp-chromium-'));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: chromiumBin,
  headless: true, // playwright adds --headless
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  viewport: { width: 900, height: 1000 },
});
context.setDefaultTimeout(timeout);
const page = context.pages()[0] ?? (await context.newPage());

// Uncaught exceptions and CSP violations are failures wherever they happen.
const problems = [];
page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
page.on('console', (msg) => {
  if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
});
// Logged, not failed: 404s are how the page learns that an account or
// profile does not exist yet, and how social.js waits for a tx's block.
page.on('response', (res) => {
  if (res.status() >= 400) console.log(`  (http ${res.status()} ${res.request().method()} ${new URL(res.url()).pathname})`);
});

let current = '';
async function step(name, fn) {
  current = name;
  const start = Date.now();
  await fn();
  assert.deepEqual(problems, [], `problems in the page during "${name}"`);
  console.log(`ok - ${name} (${Date.now() - start} ms)`);
}

const status = page.locator('#status');
const timelinePosts = page.getByRole('list', { name: 'Newest posts' }).locator('article.post');
// A 2×2 PNG for the composer's image upload.
const tinyPNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
const postText = `hello from headless chromium ${Date.now()} #webapp`;
const laneText = `posted through the lane ${Date.now()} #fast`;

try {
  await step('the global timeline shows the CLI post and its image', async () => {
    await page.goto(appURL);
    await page.getByRole('heading', { level: 1, name: 'Global timeline' }).waitFor();
    const seeded = timelinePosts.filter({ hasText: seedText });
    await seeded.waitFor();
    // The image loads lazily: it has no size until its post is on screen.
    await seeded.scrollIntoViewIfNeeded();
    const img = seeded.getByRole('img', { name: seedAlt });
    await img.waitFor({ state: 'attached' });
    await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
    assert.match(await img.getAttribute('src'), /^\/ipfs\/[A-Za-z0-9]+$/);
    await page.getByText('Add or generate a key').waitFor();
  });

  await step('the page is keyboard usable from the top', async () => {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  });

  await step('a generated key is shown once and has no on-chain account yet', async () => {
    await page.getByRole('link', { name: 'Key & account' }).click();
    await page.getByRole('button', { name: 'Generate a new key' }).click();
    const words = (await page.locator('#new-mnemonic').textContent()).split(' ');
    assert.equal(words.length, 24);
    await page.getByText('Write these words down now.').waitFor();
    await page.getByRole('button', { name: 'I saved them: use this key' }).click();
    await page.getByText('This account has no on-chain account yet: ask for tokens.').waitFor();
    await page.getByRole('button', { name: 'Forget this key' }).click();
    await status.filter({ hasText: 'Key removed from this tab.' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(await page.locator('#new-mnemonic').count(), 0, 'the phrase is not shown again');
  });

  await step('pasting a recovery phrase selects the account', async () => {
    await page.getByLabel('Recovery phrase (12 or 24 words)').fill(mnemonic);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await status.filter({ hasText: /Using the key of social1/ }).waitFor();
    await page.locator('#my-address').waitFor();
    const stored = await page.evaluate(() => sessionStorage.getItem('socialchain.mnemonic'));
    assert.equal(stored, mnemonic.trim().split(/\s+/).join(' '), 'the phrase is in sessionStorage');
    const persistent = await page.evaluate(() => Object.keys(localStorage).length);
    assert.equal(persistent, 0, 'nothing is written to localStorage');
  });

  await step('a new account creates its profile from the page', async () => {
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Display name').fill('Web Tester');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await status.filter({ hasText: `Profile @${handle} created in block` }).waitFor();
    await page.getByText('Your account is on chain and has a profile').waitFor();
  });

  await step('a post from the composer appears in the timeline', async () => {
    await page.getByRole('link', { name: 'Global', exact: true }).click();
    const box = page.getByRole('textbox', { name: 'New post' });
    await box.fill(postText);
    await page.getByText(`${[...postText].length} of 500 characters`).waitFor();
    await page.getByText('Add an image').click();
    await page.getByLabel(/^Image \(/).setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: tinyPNG });
    await page.getByLabel('Image description (alt text)').fill('a dot drawn by the test');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await status.filter({ hasText: /Post published in block \d+/ }).waitFor();
    const mine = timelinePosts.filter({ hasText: postText });
    await mine.waitFor();
    assert.equal(await timelinePosts.first().textContent().then((t) => t.includes(postText)), true,
      'the new post is the newest');
    await mine.getByRole('link', { name: `@${handle}` }).waitFor();
    await mine.getByRole('link', { name: '#webapp' }).waitFor();
    const img = mine.getByRole('img', { name: 'a dot drawn by the test' });
    await page.waitForFunction((el) => el.complete && el.naturalWidth === 2, await img.elementHandle());
    assert.equal(await box.inputValue(), '', 'the composer is cleared');
    await page.screenshot({ path: path.join(artifactDir, 'webapp-timeline.png'), fullPage: true });
  });

  await step('the thread view shows the post and takes a reply', async () => {
    const mine = timelinePosts.filter({ hasText: postText });
    await mine.getByRole('link', { name: /^Reply to post \d+$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Thread' }).waitFor();
    const id = page.url().match(/#\/p\/(\d+)\/reply$/)?.[1];
    assert.ok(id, `thread URL ${page.url()}`);
    await page.locator(`article[data-post-id="${id}"][aria-current="true"]`).filter({ hasText: postText }).waitFor();
    const reply = page.getByRole('textbox', { name: `Your reply to post ${id}` });
    assert.equal(await reply.evaluate((el) => el === document.activeElement), true, 'Reply focuses the reply box');
    await reply.fill('a reply typed in the browser');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await status.filter({ hasText: /Reply published in block \d+/ }).waitFor();
    const replyPost = page.locator('ol.thread li.depth-1 article.post').filter({ hasText: 'a reply typed in the browser' });
    await replyPost.waitFor();
    await replyPost.getByRole('link', { name: `post ${id}` }).waitFor();
    await page.locator(`article[data-post-id="${id}"]`).getByText('1 reply').waitFor();
  });

  await step('the profile page lists the account and its posts', async () => {
    await page.getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('heading', { level: 1, name: `Web Tester @${handle}` }).waitFor();
    await page.getByText('2 posts · 0 followers · 0 following').waitFor();
    const posts = page.getByRole('list', { name: 'Posts by this account' }).locator('article.post');
    await posts.filter({ hasText: postText }).waitFor();
    await posts.filter({ hasText: 'a reply typed in the browser' }).waitFor();
    assert.equal(await posts.count(), 2);
  });

  await step('following the CLI poster fills the following timeline', async () => {
    await page.getByRole('link', { name: 'Following', exact: true }).click();
    await page.getByText('Nothing here yet: follow someone from their profile page.').waitFor();
    await page.getByRole('link', { name: 'Global', exact: true }).click();
    await timelinePosts.filter({ hasText: seedText }).locator('a.author').click();
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await status.filter({ hasText: 'Followed.' }).waitFor();
    await page.getByRole('button', { name: 'Following', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Following', exact: true }).click();
    await page.getByRole('list', { name: 'Posts from accounts you follow' })
      .locator('article.post').filter({ hasText: seedText }).waitFor();
  });

  await step('fast posting registers an app key and posts through the lane', async () => {
    await page.getByRole('link', { name: 'Global', exact: true }).click();
    await page.getByRole('button', { name: 'Enable fast posting' }).click();
    await status.filter({ hasText: /Fast posting is on: app key registered in block \d+/ }).waitFor();
    await page.getByText('Fast posting is on: posts are signed in this page').waitFor();
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem('socialchain.appkey')));
    assert.match(stored.seed, /^[0-9a-f]{64}$/, 'the app key is in sessionStorage');
    assert.match(stored.publicKey, /^[0-9a-f]{64}$/);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).length), 0, 'nothing is written to localStorage');

    // Every status line, to see "pending" even if the block follows at once.
    await page.evaluate(() => {
      const el = document.getElementById('status');
      window.statusLines = [];
      new MutationObserver(() => window.statusLines.push(el.textContent))
        .observe(el, { childList: true, characterData: true, subtree: true });
    });
    const sent = [];
    const onRequest = (req) => {
      if (req.method() === 'POST') sent.push(new URL(req.url()).pathname);
    };
    page.on('request', onRequest);
    const box = page.getByRole('textbox', { name: 'New post' });
    await box.fill(laneText);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await status.filter({ hasText: /Post included in block \d+/ }).waitFor();
    page.off('request', onRequest);
    assert.deepEqual(sent, ['/socialchain/messages/v1/messages'], 'one lane message and no transaction');
    const lines = await page.evaluate(() => window.statusLines);
    const pending = lines.findIndex((l) => l.startsWith('Post pending: accepted by the node'));
    const included = lines.findIndex((l) => /^Post included in block \d+/.test(l));
    assert.ok(pending >= 0 && pending < included, `status lines: ${JSON.stringify(lines)}`);
    const mine = timelinePosts.filter({ hasText: laneText });
    await mine.waitFor();
    assert.equal(await timelinePosts.first().textContent().then((t) => t.includes(laneText)), true,
      'the lane post is the newest');
    await mine.getByRole('link', { name: '#fast' }).waitFor();
    await page.screenshot({ path: path.join(artifactDir, 'webapp-lane.png'), fullPage: true });
  });
} catch (err) {
  await page.screenshot({ path: path.join(artifactDir, 'webapp-failure.png'), fullPage: true }).catch(() => {});
  const shown = await status.textContent({ timeout: 1000 }).catch(() => '');
  console.error(`not ok - ${current}\n${err.stack ?? err}\npage status: ${shown}`);
  process.exitCode = 1;
} finally {
  await context.close();
  await rm(profileDir, { recursive: true, force: true });
}
