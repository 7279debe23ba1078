package formats

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// readText checks that data is UTF-8 text and drops its byte-order mark. Every format is read
// as UTF-8; a file in another encoding is refused with the byte that gives it away, where
// encoding/json would silently turn it into U+FFFD and change a name.
func readText(name string, data []byte) ([]byte, error) {
	if isUTF16(data) {
		return nil, &Error{File: name, Msg: "the file is UTF-16: save it as UTF-8"}
	}
	text := stripBOM(data)
	if bytes.HasPrefix(text, utf8BOM) {
		return nil, &Error{File: name, Line: 1, Column: 1,
			Msg: "the file starts with two byte-order marks (EF BB BF EF BB BF); save it as UTF-8 with at most one"}
	}
	if utf8.Valid(text) {
		return text, nil
	}
	trimmed := bytes.TrimSpace(text)
	isJSON := len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[')
	if !isJSON && looksBinary(text) {
		return nil, &Error{File: name, Msg: notText}
	}
	offset := firstInvalidUTF8(text)
	line, column := lineColumn(text, int64(offset))
	return nil, &Error{File: name, Line: line, Column: column,
		Msg: fmt.Sprintf("not UTF-8 text: byte %#02x at byte offset %d is no UTF-8 character; save the file as UTF-8",
			text[offset], offset+len(data)-len(text))}
}

const notText = "not a text file; expected Leadline JSON, Norn JSON or timemap CSV"

// isUTF16 spots a UTF-16 byte-order mark, or the zero bytes that ASCII text in UTF-16 has in
// every other place.
func isUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true
	}
	if len(data) < 4 {
		return false
	}
	littleEndian := data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0
	bigEndian := data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0
	return littleEndian || bigEndian
}

// looksBinary tells random bytes (a zero byte, or bad UTF-8 every few characters of a longer
// file) from text with a stray byte of another encoding.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	invalid := 0
	for i := 0; i < len(head); {
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 && len(head)-i >= utf8.UTFMax {
			invalid++
		}
		i += size
	}
	return len(head) >= 256 && invalid*64 > len(head)
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return 0
}
