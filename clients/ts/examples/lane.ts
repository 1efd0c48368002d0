// Posting through the message lane against `socialchaind dev`: make sure the
// account has a profile, register a fresh app key with one wallet tx, then
// post without gas: accepted at once (pending), then in a block (included).
//   SOCIAL_MNEMONIC="<a funded account's mnemonic>" node dist/examples/lane.js
import { AppKey, LaneClient, LaneError, RestClient, SocialClient, walletFromMnemonic } from "../src/index.js";

const rpc = process.env.SOCIAL_RPC ?? "http://127.0.0.1:26657";
const restUrl = process.env.SOCIAL_REST ?? "http://127.0.0.1:1317";
const rest = new RestClient(restUrl);

const client = await SocialClient.connect(rpc, await walletFromMnemonic(process.env.SOCIAL_MNEMONIC ?? ""));
await rest.profile(client.address).catch(() => client.createProfile({ handle: `lane_${Date.now()}` }));

// The app key is the app's own: keep key.seedHex as safe as an account key
// while it is registered. Its scopes bound what it may sign.
const key = AppKey.generate();
await client.addAppKey(key.publicKey, { scopes: ["posts", "reactions"] });
console.log(`app key ${key.publicKeyHex} registered for ${client.address}`);
client.disconnect();

// From here on no account key and no gas: the lane needs only REST.
const lane = new LaneClient(restUrl, { author: client.address, appKey: key });
const pending = await lane.post("gm from the lane");
console.log(`pending ${pending.hash}`);
const receipt = await pending.included();
console.log(`post ${receipt.postId} included at height ${receipt.height}: "${(await rest.post(receipt.postId)).post?.text}"`);

await (await lane.react(receipt.postId, "like")).included();

// A refused message rejects at once with the rule it broke.
try {
  await lane.post("x".repeat(501));
} catch (err) {
  if (!(err instanceof LaneError)) throw err;
  console.log(`refused: ${err.codespace} ${err.code} ${err.message}`);
}
