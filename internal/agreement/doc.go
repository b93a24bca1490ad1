// Package agreement reads ceasefire agreements (shared/spec/agreement-format.md)
// and evaluates incidents against them.
package agreement
