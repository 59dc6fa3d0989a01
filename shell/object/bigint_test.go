package object

import (
	"math/big"
	"testing"
)

func TestBigIntHexString(t *testing.T) {
	for _, tc := range []struct {
		n    int64
		want string
	}{{0, "0"}, {7, "7"}, {8, "08"}, {15, "0f"}, {255, "0ff"}, {256, "100"}, {-1, "f"}, {-8, "8"}, {-9, "f7"}, {-128, "80"}, {-129, "f7f"}, {-256, "f00"}} {
		if got := BigIntFromInt64(tc.n).HexString(); got != tc.want {
			t.Errorf("%d: got %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestBigIntValueEquality(t *testing.T) {
	a := NewBigInt(new(big.Int).Lsh(big.NewInt(1), 100))
	b := NewBigInt(new(big.Int).Lsh(big.NewInt(1), 100))
	if a != b || (BigInt{}) != BigIntFromInt64(0) {
		t.Fatal("equal BigInts are not ==")
	}
	if a.Sign() != 1 || BigIntFromInt64(-3).Sign() != -1 || a.String() != "1267650600228229401496703205376" {
		t.Fatal("sign or digits wrong")
	}
}
