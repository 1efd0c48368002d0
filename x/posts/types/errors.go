package types

import (
	"google.golang.org/grpc/codes"

	errorsmod "cosmossdk.io/errors"
)

// Errors of the posts module. Codes are stable: clients match on them. The
// errors queries return carry a gRPC code too, so REST answers 404 for a
// missing post and 400 for a bad request instead of 500.
var (
	ErrInvalidAddress     = errorsmod.RegisterWithGRPCCode(ModuleName, 2, codes.InvalidArgument, "invalid address")
	ErrProfileRequired    = errorsmod.Register(ModuleName, 3, "account has no profile")
	ErrPostNotFound       = errorsmod.RegisterWithGRPCCode(ModuleName, 4, codes.NotFound, "post not found")
	ErrPostDeleted        = errorsmod.Register(ModuleName, 5, "post is deleted")
	ErrNotAuthor          = errorsmod.Register(ModuleName, 6, "not the author of the post")
	ErrBlocked            = errorsmod.Register(ModuleName, 7, "blocked by the post's author")
	ErrInvalidText        = errorsmod.Register(ModuleName, 8, "invalid text")
	ErrTextTooLong        = errorsmod.Register(ModuleName, 9, "text too long")
	ErrInvalidCID         = errorsmod.Register(ModuleName, 10, "invalid CID")
	ErrInvalidMimeType    = errorsmod.Register(ModuleName, 11, "invalid mime type")
	ErrTooManyAttachments = errorsmod.Register(ModuleName, 12, "too many attachments")
	ErrInvalidAttachment  = errorsmod.Register(ModuleName, 13, "invalid attachment")
	ErrEmptyPost          = errorsmod.Register(ModuleName, 14, "post has no content")
	ErrTooManyHashtags    = errorsmod.Register(ModuleName, 15, "too many hashtags")
	ErrTooManyMentions    = errorsmod.Register(ModuleName, 16, "too many mentions")
	ErrInvalidReaction    = errorsmod.Register(ModuleName, 17, "reaction kind not allowed")
	ErrAlreadyReacted     = errorsmod.Register(ModuleName, 18, "already reacted with this kind")
	ErrReactionNotFound   = errorsmod.Register(ModuleName, 19, "reaction not found")
	ErrAlreadyReposted    = errorsmod.Register(ModuleName, 20, "already reposted")
	ErrRepostNotFound     = errorsmod.Register(ModuleName, 21, "repost not found")
	ErrNoChanges          = errorsmod.Register(ModuleName, 22, "edit changes nothing")
	ErrUnauthorized       = errorsmod.Register(ModuleName, 23, "unauthorized")
	ErrInvalidParams      = errorsmod.Register(ModuleName, 24, "invalid params")
	ErrInvalidGenesis     = errorsmod.Register(ModuleName, 25, "invalid genesis")
	ErrInvalidRequest     = errorsmod.RegisterWithGRPCCode(ModuleName, 26, codes.InvalidArgument, "invalid request")
)
