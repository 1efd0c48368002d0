// @socialchain/client: sign and send socialchain messages, post through the
// message lane with an app key, read state over REST, follow new posts over
// the CometBFT websocket.
export { socialTypes } from "./codec.js";
export { AppKey, appKeyScopes, type AppKeyScope } from "./appkey.js";
export { addressPrefix, denom, gasMultiplier, walletFromMnemonic } from "./account.js";
export { createRegistry, SocialClient, type SocialClientOptions } from "./client.js";
export { newLanePostsQuery, newPostsQuery, postCreatedEvent, PostSubscription, subscribeNewPosts, type NewPost } from "./events.js";
export {
  buildMessageBody,
  encodeSignedMessage,
  LaneClient,
  LaneError,
  laneDomainTag,
  messageHash,
  PendingMessage,
  signingBytes,
  signMessage,
  type BatchResult,
  type BodyFields,
  type LaneClientOptions,
  type LaneMessage,
  type MessageKind,
  type PostOptions,
  type WaitOptions,
} from "./lane.js";
export { MessageStatus, type Receipt } from "./generated/socialchain/messages/v1/types.js";
export {
  msgAddAppKey,
  msgCreatePost,
  msgCreateProfile,
  msgFollow,
  msgReact,
  msgRevokeAppKey,
  typeUrls,
  type AppKeyFields,
  type AttachmentFields,
  type PostFields,
  type PostID,
  type ProfileFields,
} from "./msgs.js";
export { RestClient, type Page } from "./rest.js";
export { TxExpiredError, waitRebroadcasting, type RebroadcastOptions, type TxNode } from "./rebroadcast.js";
