// A post that survives the crash of the node it was sent to. SocialClient
// signs every tx with a timeout height (the node's height + 30 blocks) and,
// while the tx is not in a block, offers it again every 3 s: a node that
// crashed has lost its mempool. Past the timeout height it gives up with
// TxExpiredError, and the post can be sent again. The account needs a
// profile (see quickstart.ts).
//   SOCIAL_MNEMONIC="<a funded account's mnemonic>" node dist/examples/rebroadcast.js "my post"
import { SocialClient, TxExpiredError, walletFromMnemonic } from "../src/index.js";

const rpc = process.env.SOCIAL_RPC ?? "http://127.0.0.1:26657";
const text = process.argv[2] ?? "offered again until it is in a block";

const wallet = await walletFromMnemonic(process.env.SOCIAL_MNEMONIC ?? "");
// Wait up to 5 minutes for a chain that makes no blocks meanwhile.
const client = await SocialClient.connect(rpc, wallet, { rebroadcast: { timeoutBlocks: 30, intervalMs: 3000, timeoutMs: 300_000 } });
try {
  const { postId, tx } = await client.createPost({ text });
  console.log(`post ${postId} at height ${tx.height}`);
} catch (err) {
  if (err instanceof TxExpiredError) {
    console.error(`expired at height ${err.height} (timeout height ${err.timeoutHeight}): send it again`);
  }
  throw err;
} finally {
  client.disconnect();
}
