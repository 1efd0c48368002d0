// @socialchain/client: sign and send socialchain messages, read state over
// REST, follow new posts over the CometBFT websocket.
export { socialTypes } from "./codec.js";
export { addressPrefix, denom, gasMultiplier, walletFromMnemonic } from "./account.js";
export { createRegistry, SocialClient, type SocialClientOptions } from "./client.js";
export { newPostsQuery, postCreatedEvent, PostSubscription, subscribeNewPosts, type NewPost } from "./events.js";
export {
  msgCreatePost,
  msgCreateProfile,
  msgFollow,
  msgReact,
  typeUrls,
  type AttachmentFields,
  type PostFields,
  type PostID,
  type ProfileFields,
} from "./msgs.js";
export { RestClient, type Page } from "./rest.js";
