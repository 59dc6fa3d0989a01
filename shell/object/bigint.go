package object

import "math/big"

// BigInt is a System.Numerics.BigInteger: an integer of any size. It
// keeps its value as canonical decimal digits, so two BigInts of the same
// value are == (and the same hashtable key) as .NET's value equality has
// them.
type BigInt struct {
	digits string // "" is zero
}

// NewBigInt makes a BigInt of an integer (copied).
func NewBigInt(i *big.Int) BigInt {
	if i == nil || i.Sign() == 0 {
		return BigInt{}
	}
	return BigInt{digits: i.String()}
}

// BigIntFromInt64 makes a BigInt of an Int64.
func BigIntFromInt64(n int64) BigInt {
	return NewBigInt(big.NewInt(n))
}

// Int is the value as a new big.Int.
func (b BigInt) Int() *big.Int {
	i := new(big.Int)
	if b.digits != "" {
		i.SetString(b.digits, 10)
	}
	return i
}

// Sign is -1, 0 or 1.
func (b BigInt) Sign() int {
	switch {
	case b.digits == "":
		return 0
	case b.digits[0] == '-':
		return -1
	}
	return 1
}

// Float is the nearest Double; beyond Double's range it is an infinity,
// as .NET's explicit conversion gives.
func (b BigInt) Float() float64 {
	f, _ := new(big.Float).SetInt(b.Int()).Float64()
	return f
}

// HexString is BigInteger.ToString("x"): the value's two's complement
// bytes (the fewest that keep its sign), two digits each, less a leading
// 0 before a digit below 8 or a leading f before one from 8 (255 is 0ff,
// 15 is 0f, 7 is 7, -1 is f, -129 is f7f).
func (b BigInt) HexString() string {
	i := b.Int()
	n := 1
	for {
		lim := new(big.Int).Lsh(big.NewInt(1), uint(8*n-1))
		if i.Cmp(lim) < 0 && i.Cmp(new(big.Int).Neg(lim)) >= 0 {
			break
		}
		n++
	}
	u := new(big.Int).Set(i)
	if u.Sign() < 0 {
		u.Add(u, new(big.Int).Lsh(big.NewInt(1), uint(8*n)))
	}
	s := u.Text(16)
	for len(s) < 2*n {
		s = "0" + s
	}
	if s[0] == '0' && s[1] < '8' || s[0] == 'f' && s[1] >= '8' {
		s = s[1:]
	}
	return s
}

func (b BigInt) String() string {
	if b.digits == "" {
		return "0"
	}
	return b.digits
}
