// Quickstart against `socialchaind dev`: create a profile, post, react, watch
// new posts over the CometBFT websocket, read the post back over REST.
//   SOCIAL_MNEMONIC="<a funded account's mnemonic>" node dist/examples/quickstart.js
import { RestClient, SocialClient, subscribeNewPosts, walletFromMnemonic } from "../src/index.js";

const rpc = process.env.SOCIAL_RPC ?? "http://127.0.0.1:26657";
const rest = new RestClient(process.env.SOCIAL_REST ?? "http://127.0.0.1:1317");

const wallet = await walletFromMnemonic(process.env.SOCIAL_MNEMONIC ?? "");
const client = await SocialClient.connect(rpc, wallet);
console.log("account", client.address);

// Posts committed from now on arrive on `live`.
const live = await subscribeNewPosts(rpc);

await rest.profile(client.address).catch(() =>
  client.createProfile({ handle: `user_${Date.now()}`, displayName: "Quickstart" }),
);
const { postId } = await client.createPost({ text: "hello #socialchain" });
await client.react(postId, "like");

for await (const post of live) {
  console.log(`new post ${post.id} by ${post.author} at height ${post.height}`);
  if (post.id === postId) break;
}

const { post, counters } = await rest.post(postId);
console.log(`post ${postId}: "${post?.text}", ${counters?.reactions[0]?.count} like`);
client.disconnect();
