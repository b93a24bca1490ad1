package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/auth"
)

// Sign-in keeps the API token a user pastes in an HttpOnly, SameSite=Strict
// cookie (Secure over TLS); every page checks it again with
// auth.Authenticate, so a revoked token signs its holder out. Forms that
// act (POST) carry a CSRF token that must equal the one in a cookie of the
// same site, and pass net/http's cross-origin protection.

const (
	sessionCookie = "truce_session"
	csrfCookie    = "truce_csrf"
	sessionAge    = 12 * time.Hour
)

// request is what every page knows of the request beyond net/http.
type request struct {
	lang   *lang
	p      truce.Principal
	signed bool   // a valid session cookie came with the request
	csrf   string // the token forms must send back
}

// pageFunc is a page handler that returns its error instead of writing it.
type pageFunc func(w http.ResponseWriter, r *http.Request, rq *request) error

// page adapts a pageFunc: it picks the language, reads the session, puts
// the principal in the context, checks the CSRF token of a POST and
// renders any error as a page.
func (h *Handler) page(fn pageFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rq := &request{lang: h.pages.langs[negotiate(w, r)], p: truce.Public}
		h.session(w, r, rq)
		rq.csrf = csrfToken(w, r)
		r = r.WithContext(truce.WithPrincipal(r.Context(), rq.p))
		var err error
		if r.Method == http.MethodPost {
			err = h.checkForm(r)
		}
		if err == nil {
			err = fn(w, r, rq)
		}
		if err != nil {
			h.fail(w, r, rq, err)
		}
	}
}

// session reads the session cookie; a token that no longer authenticates
// is dropped.
func (h *Handler) session(w http.ResponseWriter, r *http.Request, rq *request) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return
	}
	p, err := auth.Authenticate(r.Context(), h.cfg.App.Store, c.Value)
	if err != nil {
		if truce.ErrorCode(err) == truce.EUNAUTHORIZED {
			clearCookie(w, r, sessionCookie)
		}
		return
	}
	rq.p, rq.signed = p, true
}

// csrfToken returns the request's CSRF token, setting the cookie that holds
// it when the browser has none yet.
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) >= 32 {
		return c.Value
	}
	var b [24]byte
	_, _ = rand.Read(b[:])
	tok := base64.RawURLEncoding.EncodeToString(b[:])
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: tok, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	return tok
}

// errCSRF is the answer to a form that did not come from this site's pages.
var errCSRF = truce.Errorf(truce.EFORBIDDEN, "form expired or sent from another site")

// checkForm refuses a POST from another origin or without the CSRF token
// of its cookie.
func (h *Handler) checkForm(r *http.Request) error {
	if err := h.cop.Check(r); err != nil {
		return errCSRF
	}
	r.Body = http.MaxBytesReader(nil, r.Body, 1<<20)
	if err := r.ParseForm(); err != nil {
		return truce.Errorf(truce.EINVALID, "form: %v", err)
	}
	c, err := r.Cookie(csrfCookie)
	sent := r.PostForm.Get("csrf")
	if err != nil || sent == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(sent)) != 1 {
		return errCSRF
	}
	return nil
}

func clearCookie(w http.ResponseWriter, r *http.Request, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}

// signinData is the sign-in form.
type signinData struct {
	Next  string
	Error string // a catalogue key
}

func (h *Handler) signinForm(w http.ResponseWriter, r *http.Request, rq *request) error {
	return h.render(w, r, rq, http.StatusOK, "signin", &view{Title: rq.lang.T("signin.title"), Nav: "signin",
		Data: signinData{Next: localPath(r.URL.Query().Get("next"))}})
}

// signin checks the pasted token and keeps it in the session cookie.
func (h *Handler) signin(w http.ResponseWriter, r *http.Request, rq *request) error {
	next := localPath(r.PostForm.Get("next"))
	tok := strings.TrimSpace(r.PostForm.Get("token"))
	p, err := auth.Authenticate(r.Context(), h.cfg.App.Store, tok)
	if err != nil {
		if truce.ErrorCode(err) != truce.EUNAUTHORIZED {
			return err
		}
		key := "signin.bad"
		if tok == "" {
			key = "signin.empty"
		}
		return h.render(w, r, rq, http.StatusUnauthorized, "signin", &view{Title: rq.lang.T("signin.title"),
			Nav: "signin", Data: signinData{Next: next, Error: key}})
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: tok, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: int(sessionAge / time.Second)})
	h.cfg.Logger.Info("signed in", "token", p.ID, "role", p.Role)
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}

func (h *Handler) signout(w http.ResponseWriter, r *http.Request, rq *request) error {
	clearCookie(w, r, sessionCookie)
	http.Redirect(w, r, "/", http.StatusSeeOther)
	return nil
}

// localPath returns p when it is a path on this site, else "/": sign-in
// never sends anyone elsewhere.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") || strings.ContainsAny(p, "\r\n") {
		return "/"
	}
	return p
}

// errorData is an error page.
type errorData struct {
	Status  int
	Heading string // catalogue key
	Detail  string // the error's own message, for invalid input
	SignIn  bool   // suggest signing in
}

// fail renders err as a page with its status.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, rq *request, err error) {
	code := truce.ErrorCode(err)
	status, heading := http.StatusInternalServerError, "error.internal"
	d := errorData{}
	switch code {
	case truce.ENOTFOUND:
		status, heading = http.StatusNotFound, "error.notfound"
		d.SignIn = !rq.signed
	case truce.EINVALID:
		status, heading, d.Detail = http.StatusBadRequest, "error.invalid", truce.ErrorMessage(err)
	case truce.EUNAUTHORIZED:
		status, heading, d.SignIn = http.StatusUnauthorized, "error.unauthorized", true
	case truce.EFORBIDDEN:
		status, heading = http.StatusForbidden, "error.forbidden"
		if errors.Is(err, errCSRF) {
			heading = "error.csrf"
		}
	case truce.EUNAVAILABLE:
		status, heading = http.StatusServiceUnavailable, "error.unavailable"
	default:
		h.cfg.Logger.Error("page failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	d.Status, d.Heading = status, heading
	if rerr := h.render(w, r, rq, status, "error", &view{Title: rq.lang.T(heading), Data: d}); rerr != nil {
		h.cfg.Logger.Error("error page failed", "err", rerr)
		http.Error(w, http.StatusText(status), status)
	}
}
