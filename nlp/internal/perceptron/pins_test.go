package perceptron

// Pinned hash values (see TestHashesAreStable).
const (
	pinStr = 0xcc9c49b20259be08
	pinF1  = 0xca22f86904ff93e9
	pinF2  = 0x38f2608b32c31507
	pinF3  = 0x907d575147bdab6b
)
