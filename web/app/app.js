// socialchain web app: hash-routed views over this node's REST API, and a
// composer that signs in the page with window.Social (social.js). The
// recovery phrase lives in sessionStorage only and is never sent anywhere:
// social.js signs locally and posts only the signed tx. With fast posting
// on, posts go through the message lane instead, signed by an app key that
// the page generated, registered with one wallet-signed tx and also keeps
// in sessionStorage only.

const PAGE_SIZE = 20;
const KEY_STORAGE = 'socialchain.mnemonic';
const APP_KEY_STORAGE = 'socialchain.appkey';
// LANE_SCOPES are what the page's app key may sign: posts and replies, the
// only lane messages this page sends.
const LANE_SCOPES = ['posts'];
const POSTS = '/socialchain/posts/v1';
const PROFILES = '/socialchain/profiles/v1';

// ---------------------------------------------------------------- helpers

// h builds an element: attrs are attributes, except `on*` functions (event
// listeners) and boolean values (present or absent). Children are nodes or
// strings; strings become text, so chain data is never parsed as HTML.
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value != null) el.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) el.append(child);
  }
  return el;
}

// api fetches a JSON document from this node. Errors carry the REST
// server's message ({code, message}) or the content API's ({error}).
async function api(path, init) {
  const res = await fetch(path, { headers: { accept: 'application/json' }, ...init });
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: the status line says enough.
  }
  if (!res.ok) {
    const err = new Error(body?.message || body?.error || `${res.status} ${res.statusText}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

// notFound is how every lookup below tells "does not exist" from failure.
const notFound = (err) => err.status === 404;

function setStatus(text, { error = false } = {}) {
  const el = document.getElementById('status');
  el.textContent = text;
  el.classList.toggle('error', error);
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function shortAddress(address) {
  return `${address.slice(0, 10)}…${address.slice(-4)}`;
}

// runes counts code points after NFC normalization, as x/posts measures.
function runes(text) {
  return [...text.normalize('NFC')].length;
}

// ---------------------------------------------------------------- session

// appKey is the fast-posting key of the account in use: {address, seed,
// publicKey} (hex), or null when fast posting is off.
const session = { mnemonic: null, address: null, appKey: null, lane: null };

function signer() {
  return window.Social ?? null;
}

async function useMnemonic(mnemonic) {
  const phrase = mnemonic.trim().split(/\s+/).join(' ');
  const address = await signer().addressFromMnemonic(phrase);
  sessionStorage.setItem(KEY_STORAGE, phrase);
  Object.assign(session, { mnemonic: phrase, address });
  // An app key serves the account that registered it only.
  if (session.appKey && session.appKey.address !== address) dropAppKey();
}

function forgetKey() {
  sessionStorage.removeItem(KEY_STORAGE);
  dropAppKey();
  Object.assign(session, { mnemonic: null, address: null });
}

function storeAppKey(appKey) {
  sessionStorage.setItem(APP_KEY_STORAGE, JSON.stringify(appKey));
  session.appKey = appKey;
  session.lane = null;
}

function dropAppKey() {
  sessionStorage.removeItem(APP_KEY_STORAGE);
  Object.assign(session, { appKey: null, lane: null });
}

async function restoreSession() {
  const phrase = sessionStorage.getItem(KEY_STORAGE);
  if (!phrase || !signer()) return;
  try {
    const stored = JSON.parse(sessionStorage.getItem(APP_KEY_STORAGE) ?? 'null');
    if (stored?.seed && signer().appKeyPublicKey(stored.seed) === stored.publicKey) session.appKey = stored;
  } catch {
    sessionStorage.removeItem(APP_KEY_STORAGE);
  }
  try {
    await useMnemonic(phrase);
  } catch {
    forgetKey();
  }
}

// signAndBroadcast signs msgs with the session key in this page and waits
// for the block; it rejects with the chain's log when the tx fails.
async function signAndBroadcast(msgs) {
  return signer().signAndBroadcast(session.mnemonic, msgs);
}

// lane is the message-lane client of the fast-posting key, or null when
// fast posting is off.
function lane() {
  if (!session.appKey || !signer()?.laneClient) return null;
  session.lane ??= signer().laneClient(session.appKey.seed, session.appKey.address);
  return session.lane;
}

// appKeyUnusable tells a lane refusal that means the key cannot post any
// more (revoked elsewhere, expired, or without the scope): the page then
// forgets it and offers fast posting again.
function appKeyUnusable(err) {
  return err.codespace === 'profiles' && [25, 28, 29].includes(err.code);
}

// enableFastPosting generates an app key in the page and registers it with
// a wallet-signed MsgAddAppKey; from then on posts go through the lane.
async function enableFastPosting() {
  const seed = signer().generateAppKey();
  const publicKey = signer().appKeyPublicKey(seed);
  setStatus('Registering an app key for fast posting…');
  const res = await signAndBroadcast([signer().msgAddAppKey(session.address, publicKey, LANE_SCOPES)]);
  storeAppKey({ address: session.address, seed, publicKey });
  setStatus(`Fast posting is on: app key registered in block ${res.height}.`);
}

// disableFastPosting revokes the app key on chain and forgets it.
async function disableFastPosting() {
  setStatus('Revoking the fast-posting key…');
  try {
    await signAndBroadcast([signer().msgRevokeAppKey(session.address, session.appKey.publicKey)]);
  } catch (err) {
    // A key that is gone already is what was asked for.
    if (!/app key not found/.test(err.message)) throw err;
  }
  dropAppKey();
  setStatus('Fast posting is off: the app key is revoked.');
}

// ---------------------------------------------------------------- chain data

const profileCache = new Map();

// profileOf resolves to the address's profile, or null when it has none.
// Names in post headers may be a little stale; pages about one profile ask
// for a fresh copy.
function profileOf(address, { fresh = false } = {}) {
  if (fresh || !profileCache.has(address)) {
    const p = api(`${PROFILES}/profiles/${address}`).then(
      (r) => r.profile,
      (err) => {
        profileCache.delete(address);
        if (notFound(err)) return null;
        throw err;
      },
    );
    profileCache.set(address, p);
  }
  return profileCache.get(address);
}

let postParams = null;
let profileParams = null;

async function params() {
  postParams ??= api(`${POSTS}/params`).then((r) => r.params);
  profileParams ??= api(`${PROFILES}/params`).then((r) => r.params);
  return { posts: await postParams, profiles: await profileParams };
}

// accountExists tells whether the chain has an account for address: a
// fresh key has none until it receives coins, and cannot sign until then.
async function accountExists(address) {
  try {
    await api(`/cosmos/auth/v1beta1/account_info/${address}`);
    return true;
  } catch (err) {
    if (notFound(err)) return false;
    throw err;
  }
}

// ---------------------------------------------------------------- posts

function authorLink(address, id) {
  const link = h('a', { href: `#/u/${address}`, class: 'author', id }, shortAddress(address));
  profileOf(address).then((profile) => {
    if (!profile) return;
    link.replaceChildren(
      h('span', { class: 'name' }, profile.display_name || profile.handle),
      ' ',
      h('span', { class: 'handle' }, `@${profile.handle}`),
    );
    link.href = `#/u/${profile.handle}`;
  }, () => {});
  return link;
}

// richText links the hashtags and mentions the chain parsed; anything else
// that looks like one stays plain text, as the chain treats it.
function richText(post) {
  const tags = new Set(post.hashtags);
  const handles = new Set(post.mentions.map((m) => m.handle));
  const parts = [];
  let last = 0;
  for (const m of post.text.matchAll(/([#@])([A-Za-z0-9_]{1,64})/g)) {
    const word = m[2].toLowerCase();
    const linked = m[1] === '#' ? tags.has(word) : handles.has(word);
    if (!linked) continue;
    parts.push(post.text.slice(last, m.index));
    parts.push(h('a', { href: m[1] === '#' ? `#/t/${word}` : `#/u/${word}` }, m[0]));
    last = m.index + m[0].length;
  }
  parts.push(post.text.slice(last));
  return parts;
}

function attachmentView(a) {
  const src = `/ipfs/${encodeURIComponent(a.cid)}`;
  if (a.mime_type.startsWith('image/')) {
    return h('a', { href: src, class: 'media' },
      h('img', { src, alt: a.alt_text || '', loading: 'lazy', decoding: 'async' }));
  }
  return h('a', { href: src, class: 'file' }, `${a.alt_text || a.cid} (${a.mime_type}, ${a.size_bytes} bytes)`);
}

function reactionsText(reactions) {
  return reactions.map((r) => `${r.kind === 'like' ? '♥' : r.kind} ${r.count}`).join(' ');
}

function postView(view, { current = false } = {}) {
  const p = view.post;
  const c = view.counters;
  const headId = `post-${p.id}-author`;
  const article = h('article', {
    class: current ? 'post current' : 'post',
    'data-post-id': p.id,
    'aria-labelledby': headId,
    'aria-current': current ? 'true' : false,
  });
  article.append(h('header', {},
    authorLink(p.author, headId),
    h('a', { href: `#/p/${p.id}`, class: 'when', title: `Post ${p.id}` },
      h('time', { datetime: p.created_at }, timeFormat.format(new Date(p.created_at)))),
  ));
  if (p.reply_to !== '0') {
    article.append(h('p', { class: 'context' }, 'Replying to ', h('a', { href: `#/p/${p.reply_to}` }, `post ${p.reply_to}`)));
  }
  if (p.deleted) {
    article.append(h('p', { class: 'deleted' }, 'This post was deleted.'));
    return article;
  }
  if (p.text) article.append(h('p', { class: 'text' }, richText(p)));
  if (p.quote_of !== '0') {
    article.append(h('p', { class: 'context' }, 'Quoting ', h('a', { href: `#/p/${p.quote_of}` }, `post ${p.quote_of}`)));
  }
  if (p.body_cid) {
    article.append(h('p', {}, h('a', { href: `/ipfs/${encodeURIComponent(p.body_cid)}` }, 'Read the full text')));
  }
  if (p.attachments.length) article.append(h('div', { class: 'attachments' }, p.attachments.map(attachmentView)));
  const counts = [`${c.replies} ${c.replies === '1' ? 'reply' : 'replies'}`, `${c.reposts} reposts`];
  if (c.reactions.length) counts.push(reactionsText(c.reactions));
  if (p.version > 0) counts.push('edited');
  article.append(h('footer', {},
    h('span', { class: 'counts' }, counts.join(' · ')),
    h('a', { href: `#/p/${p.id}/reply`, class: 'button', 'aria-label': `Reply to post ${p.id}` }, 'Reply'),
  ));
  return article;
}

// postList shows the posts of a paginated REST query, with "Load more"
// following pagination.next_key.
function postList(path, { label, empty }) {
  const list = h('ol', { class: 'posts', 'aria-label': label });
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  const wrap = h('section', { 'aria-busy': 'true' }, list, more);
  let nextKey = null;
  async function load() {
    const q = new URLSearchParams({ 'pagination.limit': PAGE_SIZE });
    if (nextKey) q.set('pagination.key', nextKey);
    more.disabled = true;
    try {
      const r = await api(`${path}?${q}`);
      for (const v of r.posts) list.append(h('li', {}, postView(v)));
      nextKey = r.pagination?.next_key || null;
      more.hidden = !nextKey;
      if (!list.children.length) list.replaceWith(h('p', { class: 'empty' }, empty));
    } catch (err) {
      wrap.append(h('p', { class: 'error' }, `Could not load posts: ${err.message}`));
    } finally {
      more.disabled = false;
      wrap.setAttribute('aria-busy', 'false');
    }
  }
  more.addEventListener('click', load);
  load();
  return wrap;
}

// ---------------------------------------------------------------- composer

// composer returns what the session can do here: a post form, or the step
// that comes first (a key, coins for an on-chain account, a profile).
async function composer({ replyTo = null, onDone }) {
  const box = h('section', { class: 'composer', 'aria-label': replyTo ? 'Write a reply' : 'Write a post' });
  if (!signer()) {
    box.append(h('p', { class: 'note' }, 'The signing library (social.js) did not load, so this page can read but not post.'));
    return box;
  }
  if (!session.address) {
    box.append(h('p', { class: 'note' }, h('a', { href: '#/settings' }, 'Add or generate a key'), ' to post from this page.'));
    return box;
  }
  if (!(await accountExists(session.address))) {
    box.append(noAccountNote(onDone));
    return box;
  }
  if (!(await profileOf(session.address))) {
    box.append(await createProfileForm(onDone));
    return box;
  }
  box.append(await postForm({ replyTo, onDone }));
  if (!replyTo) box.append(fastPostingNote(onDone));
  return box;
}

// fastPostingNote offers fast posting, or says it is on.
function fastPostingNote(onDone) {
  if (!signer().laneClient) return '';
  if (session.appKey) {
    return h('p', { class: 'help lane' }, 'Fast posting is on: posts are signed in this page with an app key and sent without a fee. ',
      h('a', { href: '#/settings' }, 'Turn it off'), '.');
  }
  const button = h('button', { type: 'button' }, 'Enable fast posting');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await enableFastPosting();
      onDone();
    } catch (err) {
      setStatus(`Could not enable fast posting: ${err.message}`, { error: true });
      button.disabled = false;
    }
  });
  return h('div', { class: 'note lane' },
    h('p', {}, 'Post without a fee and without waiting for a transaction: ', button),
    h('p', { class: 'help' }, 'This signs one transaction that registers an app key generated in this page. ',
      'The app key may only post for you; it is kept in this tab’s session storage, like your recovery phrase.'));
}

function noAccountNote(onRetry) {
  return h('div', { class: 'note warn' },
    h('p', {}, h('strong', {}, 'This account has no on-chain account yet: ask for tokens.')),
    h('p', {}, 'An account exists on the chain once it has received coins; until then it cannot sign. ',
      'Ask someone with funds to send a few usocial to ', h('code', {}, session.address),
      ' (on the dev chain: ', h('code', {}, `socialchaind tx bank send dev ${session.address} 1000000usocial`), ').'),
    h('button', { type: 'button', onclick: onRetry }, 'Check again'),
  );
}

async function createProfileForm(onDone) {
  const { profiles: limits } = await params();
  const handle = h('input', {
    id: 'profile-handle', name: 'handle', required: true, autocomplete: 'username',
    minlength: limits.handle_min_length, maxlength: limits.handle_max_length,
    pattern: '[a-z0-9_]+', 'aria-describedby': 'profile-handle-help', spellcheck: 'false',
  });
  const name = h('input', { id: 'profile-name', name: 'display_name', autocomplete: 'name' });
  const submit = h('button', { type: 'submit' }, 'Create profile');
  const form = h('form', { class: 'profile-form', 'aria-labelledby': 'profile-form-title' },
    h('h2', { id: 'profile-form-title' }, 'Create your profile'),
    h('p', {}, 'Posting needs a profile. Pick a handle; it is unique on the chain.'),
    h('label', { for: 'profile-handle' }, 'Handle'),
    handle,
    h('p', { id: 'profile-handle-help', class: 'help' },
      `${limits.handle_min_length}–${limits.handle_max_length} characters: lowercase letters, digits and _.`),
    h('label', { for: 'profile-name' }, 'Display name'),
    name,
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    setStatus('Creating your profile…');
    try {
      const res = await signAndBroadcast([signer().msgCreateProfile(session.address, {
        handle: handle.value, displayName: name.value, bio: '',
      })]);
      profileCache.delete(session.address);
      setStatus(`Profile @${handle.value} created in block ${res.height}.`);
      onDone();
    } catch (err) {
      setStatus(`Could not create the profile: ${err.message}`, { error: true });
      submit.disabled = false;
    }
  });
  return form;
}

// uploadBlob stores a file on this node's IPFS peer and returns {cid, size}.
async function uploadBlob(file) {
  return api('/socialchain/content/v1/blobs', {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
    body: file,
  });
}

async function postForm({ replyTo, onDone }) {
  const { posts: limits } = await params();
  const max = limits.max_text_runes;
  const id = replyTo ? `reply-${replyTo}` : 'compose';
  const text = h('textarea', { id: `${id}-text`, name: 'text', rows: 3, 'aria-describedby': `${id}-count` });
  const count = h('p', { id: `${id}-count`, class: 'count' }, `0 of ${max} characters`);
  const file = h('input', { id: `${id}-image`, name: 'image', type: 'file', accept: 'image/*' });
  const alt = h('input', { id: `${id}-alt`, name: 'alt', maxlength: limits.max_alt_text_runes });
  const submit = h('button', { type: 'submit' }, replyTo ? 'Reply' : 'Post');
  const update = () => {
    const n = runes(text.value);
    count.textContent = `${n} of ${max} characters`;
    const over = n > max;
    count.classList.toggle('over', over);
    text.setAttribute('aria-invalid', over ? 'true' : 'false');
  };
  text.addEventListener('input', update);
  const form = h('form', { class: 'post-form' },
    h('label', { for: text.id }, replyTo ? `Your reply to post ${replyTo}` : 'New post'),
    text, count,
    h('details', {},
      h('summary', {}, 'Add an image'),
      h('label', { for: file.id }, 'Image (stored on this node’s IPFS peer)'), file,
      h('label', { for: alt.id }, 'Image description (alt text)'), alt),
    submit,
  );
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const n = runes(text.value);
    if (n > max) {
      setStatus(`The text has ${n} characters; the limit is ${max}.`, { error: true });
      text.focus();
      return;
    }
    submit.disabled = true;
    try {
      const attachments = [];
      const picked = file.files[0];
      if (picked) {
        setStatus('Uploading the image…');
        const blob = await uploadBlob(picked);
        attachments.push({ cid: blob.cid, mimeType: picked.type || 'application/octet-stream', sizeBytes: blob.size, altText: alt.value });
      }
      const what = replyTo ? 'Reply' : 'Post';
      const fast = lane();
      if (fast) {
        // The lane answers at once (pending); the block follows in about a second.
        setStatus('Sending through the message lane…');
        const pending = await fast.post(text.value, { replyTo: replyTo ?? 0, attachments });
        form.reset();
        update();
        setStatus(`${what} pending: accepted by the node, waiting for a block…`);
        const receipt = await pending.included();
        setStatus(`${what} included in block ${receipt.height}.`);
        onDone();
        return;
      }
      setStatus('Signing and sending…');
      const post = { text: text.value, attachments };
      if (replyTo) post.replyTo = replyTo;
      const res = await signAndBroadcast([signer().msgCreatePost(session.address, post)]);
      form.reset();
      update();
      setStatus(`${what} published in block ${res.height}.`);
      onDone();
    } catch (err) {
      if (appKeyUnusable(err)) {
        dropAppKey();
        setStatus(`Could not publish: ${err.message}. Fast posting is off; enable it again to get a new app key.`, { error: true });
        onDone();
        return;
      }
      setStatus(`Could not publish: ${err.message}`, { error: true });
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

// ---------------------------------------------------------------- views

async function viewGlobal(root) {
  root.append(h('h1', {}, 'Global timeline'));
  // The timeline loads while the composer checks the account.
  const slot = root.appendChild(h('div'));
  root.append(postList(`${POSTS}/posts`, { label: 'Newest posts', empty: 'No posts yet.' }));
  slot.replaceWith(await composer({ onDone: render }));
}

async function viewFollowing(root) {
  root.append(h('h1', {}, 'Following'));
  if (!session.address) {
    root.append(h('p', {}, 'The following timeline shows posts of the accounts you follow. ',
      h('a', { href: '#/settings' }, 'Add your key'), ' to see it.'));
    return;
  }
  const slot = root.appendChild(h('div'));
  root.append(postList(`${POSTS}/feeds/${session.address}`, {
    label: 'Posts from accounts you follow',
    empty: 'Nothing here yet: follow someone from their profile page.',
  }));
  slot.replaceWith(await composer({ onDone: render }));
}

async function viewMe() {
  location.replace(session.address ? `#/u/${session.address}` : '#/settings');
}

async function viewProfile(root, who) {
  let profile;
  let address;
  try {
    if (who.startsWith('social1')) {
      address = who;
      profile = await profileOf(address, { fresh: true });
    } else {
      profile = (await api(`${PROFILES}/handles/${encodeURIComponent(who.toLowerCase())}`)).profile;
      address = profile.owner;
    }
  } catch (err) {
    root.append(h('h1', {}, 'Profile'), h('p', { class: 'error' }, notFound(err) ? `No profile with the handle @${who}.` : err.message));
    return;
  }
  const header = h('header', { class: 'profile' });
  if (profile) {
    if (profile.avatar_cid) {
      header.append(h('img', { class: 'avatar', src: `/ipfs/${encodeURIComponent(profile.avatar_cid)}`, alt: '', width: 64, height: 64 }));
    }
    header.append(
      h('h1', {}, profile.display_name || profile.handle, ' ', h('span', { class: 'handle' }, `@${profile.handle}`)),
      profile.bio ? h('p', { class: 'bio' }, profile.bio) : '',
      h('p', { class: 'counts' }, `${profile.posts_count} posts · ${profile.followers_count} followers · ${profile.following_count} following`),
    );
  } else {
    header.append(h('h1', {}, shortAddress(address)), h('p', {}, 'This account has no profile.'));
  }
  header.append(h('p', { class: 'address' }, h('code', {}, address)));
  root.append(header);
  if (profile && session.address && session.address !== address) root.append(await followButton(address));
  root.append(h('h2', {}, 'Posts'));
  root.append(postList(`${POSTS}/authors/${address}/posts`, { label: 'Posts by this account', empty: 'No posts yet.' }));
}

async function followButton(address) {
  let follows = false;
  try {
    follows = (await api(`${PROFILES}/relationship/${session.address}/${address}`)).follows;
  } catch {
    // Without the relationship the button offers to follow; the chain decides.
  }
  const button = h('button', { type: 'button' }, follows ? 'Following' : 'Follow');
  if (follows || !signer()?.msgFollow) {
    button.disabled = true;
    return button;
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    setStatus('Following…');
    try {
      await signAndBroadcast([signer().msgFollow(session.address, address)]);
      setStatus('Followed.');
      render();
    } catch (err) {
      setStatus(`Could not follow: ${err.message}`, { error: true });
      button.disabled = false;
    }
  });
  return button;
}

async function viewThread(root, id, action) {
  root.append(h('h1', {}, 'Thread'));
  let thread;
  try {
    thread = await api(`${POSTS}/posts/${id}/thread?pagination.limit=200`);
  } catch (err) {
    root.append(h('p', { class: 'error' }, notFound(err) ? `No post ${id}.` : err.message));
    return;
  }
  // Indent each post under its parent; the thread comes in creation order,
  // so a parent is always seen before its replies.
  const depth = new Map();
  const list = h('ol', { class: 'posts thread', 'aria-label': `Thread of post ${thread.root_id}` });
  for (const v of thread.posts) {
    const d = Math.min((depth.get(v.post.reply_to) ?? -1) + 1, 6);
    depth.set(v.post.id, d);
    list.append(h('li', { class: `depth-${d}` }, postView(v, { current: v.post.id === id })));
  }
  root.append(list);
  if (thread.pagination?.next_key) root.append(h('p', { class: 'note' }, 'This thread has more replies than shown.'));
  const target = thread.posts.find((v) => v.post.id === id);
  if (target && !target.post.deleted) {
    const box = await composer({ replyTo: id, onDone: () => render() });
    root.append(box);
    if (action === 'reply') box.querySelector('textarea, input')?.focus();
  }
}

async function viewTag(root, tag) {
  root.append(h('h1', {}, `#${tag}`));
  root.append(postList(`${POSTS}/hashtags/${encodeURIComponent(tag.toLowerCase())}/posts`, {
    label: `Posts tagged #${tag}`, empty: 'No posts with this hashtag.',
  }));
}

async function viewSettings(root) {
  root.append(h('h1', {}, 'Key & account'));
  root.append(h('section', { class: 'note', 'aria-labelledby': 'key-where' },
    h('h2', { id: 'key-where' }, 'Where your key is kept'),
    h('p', {}, 'Your recovery phrase is kept in this browser tab’s session storage only: it is gone when you close the tab. ',
      'Transactions are signed in this page; the phrase is never sent to the node or anywhere else. ',
      'Anyone who has the phrase controls the account, so keep a copy somewhere safe.'),
  ));
  if (!signer()) {
    root.append(h('p', { class: 'error' }, 'The signing library (social.js) did not load: keys cannot be used on this page.'));
    return;
  }
  if (session.address) {
    root.append(h('h2', {}, 'Current key'), h('p', {}, 'Address: ', h('code', { id: 'my-address' }, session.address)));
    root.append(await composer({ onDone: render }).then((box) => {
      // The composer's first step doubles as the account's status here.
      const form = box.querySelector('form.post-form');
      if (form) box.replaceChildren(h('p', {}, 'Your account is on chain and has a profile: ', h('a', { href: `#/u/${session.address}` }, 'view it'), '.'));
      return box;
    }));
    if (session.appKey) root.append(fastPostingSettings());
    root.append(h('button', {
      type: 'button', class: 'danger', onclick: () => {
        forgetKey();
        setStatus('Key removed from this tab.');
        render();
      },
    }, 'Forget this key'));
    return;
  }

  const generated = h('div', { class: 'generated', hidden: true });
  root.append(h('h2', {}, 'Generate a new key'),
    h('button', {
      type: 'button', onclick: () => {
        const phrase = signer().generateMnemonic();
        generated.hidden = false;
        generated.replaceChildren(
          h('p', { class: 'warn' }, h('strong', {}, 'Write these words down now.'),
            ' They are shown once. They are the only way back into this account, and whoever has them controls it.'),
          h('p', { class: 'mnemonic', id: 'new-mnemonic' }, phrase),
          h('button', { type: 'button', onclick: () => adopt(phrase) }, 'I saved them: use this key'),
        );
        generated.querySelector('button').focus();
      },
    }, 'Generate a new key'),
    generated);

  const phrase = h('textarea', {
    id: 'mnemonic-input', rows: 3, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false',
  });
  const form = h('form', { class: 'paste-form' },
    h('label', { for: phrase.id }, 'Recovery phrase (12 or 24 words)'), phrase,
    h('button', { type: 'submit' }, 'Use this key'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    adopt(phrase.value);
  });
  root.append(h('h2', {}, 'Use an existing key'), form);
}

function fastPostingSettings() {
  const button = h('button', { type: 'button' }, 'Turn off fast posting');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await disableFastPosting();
      render();
    } catch (err) {
      setStatus(`Could not turn off fast posting: ${err.message}`, { error: true });
      button.disabled = false;
    }
  });
  return h('section', { 'aria-labelledby': 'fast-posting' },
    h('h2', { id: 'fast-posting' }, 'Fast posting'),
    h('p', {}, 'On: posts from this tab go through the message lane, signed by the app key ',
      h('code', { id: 'app-key' }, session.appKey.publicKey),
      ` (scopes: ${LANE_SCOPES.join(', ')}). Turning it off revokes the key with a transaction.`),
    button);
}

async function adopt(phrase) {
  try {
    await useMnemonic(phrase);
  } catch (err) {
    setStatus(`That recovery phrase is not valid: ${err.message}`, { error: true });
    return;
  }
  setStatus(`Using the key of ${session.address}.`);
  render();
}

// ---------------------------------------------------------------- router

const routes = [
  [/^#?\/?$/, viewGlobal, 'global'],
  [/^#\/following$/, viewFollowing, 'following'],
  [/^#\/me$/, viewMe, 'me'],
  [/^#\/u\/([^/]+)$/, viewProfile, 'profile'],
  [/^#\/p\/(\d+)(?:\/(reply))?$/, viewThread, 'thread'],
  [/^#\/t\/([^/]+)$/, viewTag, 'tag'],
  [/^#\/settings$/, viewSettings, 'settings'],
];

let rendered = 0;

async function render() {
  const hash = location.hash;
  const main = document.getElementById('view');
  const root = h('div', { class: 'view' });
  main.replaceChildren(root);
  renderWho();
  for (const a of document.querySelectorAll('[data-nav]')) a.removeAttribute('aria-current');
  const match = routes.map(([re, fn, nav]) => [hash.match(re), fn, nav]).find(([m]) => m);
  if (!match) {
    root.append(h('h1', {}, 'Not found'), h('p', {}, 'No such page. ', h('a', { href: '#/' }, 'Go to the timeline.')));
    return;
  }
  const [m, view, nav] = match;
  document.querySelector(`[data-nav="${nav}"]`)?.setAttribute('aria-current', 'page');
  // Move focus to the new view on navigation (not on first load), so
  // keyboard and screen-reader users land on it.
  if (rendered++ > 0) main.focus({ preventScroll: true });
  try {
    // decodeURIComponent throws on a malformed escape: the page says so.
    await view(root, ...m.slice(1).map((s) => (s === undefined ? s : decodeURIComponent(s))));
  } catch (err) {
    root.append(h('p', { class: 'error' }, `Could not load this page: ${err.message}`));
  }
  const title = root.querySelector('h1')?.textContent;
  document.title = title ? `${title} · socialchain` : 'socialchain';
}

function renderWho() {
  const who = document.getElementById('who');
  if (!session.address) {
    who.replaceChildren('No key: ', h('a', { href: '#/settings' }, 'add one'));
    return;
  }
  who.replaceChildren('Signed in as ', authorLink(session.address));
}

window.addEventListener('hashchange', render);
await restoreSession();
render();
