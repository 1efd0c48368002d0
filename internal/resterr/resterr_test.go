package resterr

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
)

func TestErrorWritesTheGatewayShape(t *testing.T) {
	rec := httptest.NewRecorder()
	Error(rec, http.StatusNotFound, codes.NotFound, `no "thing"`)
	require.Equal(t, http.StatusNotFound, rec.Code)
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))
	require.JSONEq(t, `{"code":5,"message":"no \"thing\"","details":[]}`, rec.Body.String())
}

func TestWriteKeepsFieldsOfAnEmbeddingType(t *testing.T) {
	rec := httptest.NewRecorder()
	Write(rec, http.StatusRequestEntityTooLarge, struct {
		Body
		Limit int `json:"limit"`
	}{New(codes.ResourceExhausted, "too large"), 10})
	require.JSONEq(t, `{"code":8,"message":"too large","details":[],"limit":10}`, rec.Body.String())
}
