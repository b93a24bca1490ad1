package truce

import (
	"slices"
	"time"
)

// DefaultReplyHours is how long a party held responsible for a violation
// has to reply to the finding, unless the agreement says otherwise
// (Agreement.ReplyHours).
const DefaultReplyHours = 72

// Finding is the mission's finding against one party: an incident judged a
// violation under at least one agreement, with this party held
// responsible, was verified. The party is notified and may reply until
// Deadline.
type Finding struct {
	ID           string    `json:"id"` // "fd_…"
	Incident     string    `json:"incident"`
	Party        string    `json:"party"`
	Rules        []string  `json:"rules"`        // the rules cited by the violation verdicts
	Agreements   []string  `json:"agreements"`   // "id vN" of each agreement
	VerifiedAt   time.Time `json:"verified_at"`  //
	Deadline     time.Time `json:"deadline"`     // VerifiedAt + the longest reply window of the agreements
	Notification string    `json:"notification"` // the notification that told the party
}

// ReplyState is where a finding stands with respect to the party's reply.
type ReplyState string

// The reply states of a finding, as of a given time.
const (
	ReplyOpen     ReplyState = "open"          // no reply yet, deadline ahead
	ReplyAnswered ReplyState = "answered"      // replied by the deadline
	ReplyLate     ReplyState = "answered_late" // replied, after the deadline
	ReplyMissed   ReplyState = "missed"        // deadline passed, no reply
)

// ReplyStateAt returns the state of f at now, given the time of the
// party's first reply (nil when it has not replied).
func (f *Finding) ReplyStateAt(now time.Time, firstReply *time.Time) ReplyState {
	switch {
	case firstReply != nil && !firstReply.After(f.Deadline):
		return ReplyAnswered
	case firstReply != nil:
		return ReplyLate
	case now.After(f.Deadline):
		return ReplyMissed
	}
	return ReplyOpen
}

// Position is what a party's reply says of a finding or an incident.
type Position string

// The positions of a reply.
const (
	PositionAccept  Position = "accept"
	PositionDeny    Position = "deny"
	PositionContest Position = "contest"
)

// Positions lists the positions a reply may take.
var Positions = []Position{PositionAccept, PositionDeny, PositionContest}

// Contestable lists what a contesting reply may contest.
var Contestable = []string{"classification", "attribution", "facts"}

// Response is a party's reply to an incident, with its counter-evidence
// filed as reports; logged as the act "response".
type Response struct {
	ID       string    `json:"id"` // "rs_…"
	Incident string    `json:"incident"`
	Party    string    `json:"party"`
	Position Position  `json:"position"`
	Text     string    `json:"text"`
	Contests []string  `json:"contests,omitempty"` // of Contestable
	Reports  []string  `json:"reports"`            // ids of the counter-evidence reports
	By       string    `json:"by"`                 // principal id
	At       time.Time `json:"at"`
}

// Mission is the addressee of notifications meant for the mission itself
// (its admins' webhooks), as opposed to a party code.
const Mission = "mission"

// The events a notification may be about; webhooks subscribe to them.
const (
	EventFinding  = "finding"  // a party is held responsible for a verified violation
	EventStatus   = "status"   // an incident's status changed
	EventResponse = "response" // a party replied
	EventAck      = "ack"      // a party acknowledged a notification
)

// Events lists the notification events.
var Events = []string{EventFinding, EventStatus, EventResponse, EventAck}

// IsEvent reports whether e is one of Events.
func IsEvent(e string) bool { return slices.Contains(Events, e) }

// Notification is something Truce tells a party (or the mission): stored
// and logged ("notification") in the transaction of the act it is about,
// delivered to the addressee's webhooks, listed through the API, and
// acknowledged by the party (logged as "ack": proof the party was told).
// The "notification" entry commits to it as made, without AckedAt and
// AckedBy, which the acknowledgement adds.
type Notification struct {
	ID        string        `json:"id"` // "nt_…"
	Event     string        `json:"event"`
	To        string        `json:"to"` // a party code, or Mission
	Incident  string        `json:"incident,omitempty"`
	Status    Status        `json:"status,omitempty"` // the incident's status when it was made
	Summary   string        `json:"summary"`
	Finding   *Finding      `json:"finding,omitempty"`
	Response  *Response     `json:"response,omitempty"`
	Change    *StatusChange `json:"change,omitempty"`
	CreatedAt time.Time     `json:"created_at"`
	AckedAt   *time.Time    `json:"acked_at,omitempty"`
	AckedBy   string        `json:"acked_by,omitempty"`
}

// Webhook is an address notifications are POSTed to: the mission's (made
// by an admin) or a party's own. The secret signs each delivery and is
// never shown back.
type Webhook struct {
	ID        string     `json:"id"` // "wh_…"
	URL       string     `json:"url"`
	Secret    string     `json:"-"`
	Events    []string   `json:"events"`
	To        string     `json:"to"` // whose notifications: a party code or Mission
	CreatedBy string     `json:"created_by"`
	CreatedAt time.Time  `json:"created_at"`
	DeletedAt *time.Time `json:"deleted_at,omitempty"`
}

// Wants reports whether the webhook receives notification n.
func (w *Webhook) Wants(n *Notification) bool {
	return w.DeletedAt == nil && w.To == n.To && slices.Contains(w.Events, n.Event)
}

// DeliveryState is where a delivery stands.
type DeliveryState string

// The states of a delivery.
const (
	DeliveryPending   DeliveryState = "pending"   // not yet answered with a 2xx; retried
	DeliveryDelivered DeliveryState = "delivered" // the receiver answered 2xx
	DeliveryCancelled DeliveryState = "cancelled" // its webhook was deleted first
)

// Delivery is one notification to be POSTed to one webhook: the outbox
// row, written in the transaction of the act, with its body fixed at that
// moment so that every attempt sends the same bytes.
type Delivery struct {
	ID           string        `json:"id"` // "dl_…", sent as X-Truce-Delivery
	Webhook      string        `json:"webhook"`
	Notification string        `json:"notification"`
	Event        string        `json:"event"`
	URL          string        `json:"url"`
	Body         []byte        `json:"-"`
	State        DeliveryState `json:"state"`
	Attempts     int           `json:"attempts"`
	NextAt       time.Time     `json:"next_at"` // when the next attempt is due (or the lease of one in flight ends)
	LastStatus   int           `json:"last_status,omitempty"`
	LastError    string        `json:"last_error,omitempty"`
	CreatedAt    time.Time     `json:"created_at"`
	DeliveredAt  *time.Time    `json:"delivered_at,omitempty"`
}

// NotificationFilter selects notifications, newest first. Zero fields do
// not filter.
type NotificationFilter struct {
	To       string // addressee: a party code or Mission
	Incident string
	Unacked  bool
	Limit    int
	Cursor   string
}

// DeliveryFilter selects deliveries, newest first. Zero fields do not
// filter.
type DeliveryFilter struct {
	Webhook string
	State   DeliveryState
	Limit   int
	Cursor  string
}

// FollowupTx stores the follow-up of incidents: status history, findings,
// replies, notifications, webhooks and the delivery outbox. Lists of many
// incidents take their ids in one call.
type FollowupTx interface {
	// InsertStatusChange appends to an incident's status history.
	InsertStatusChange(c *StatusChange) error
	// StatusHistory returns an incident's status changes, oldest first.
	StatusHistory(incidentID string) ([]*StatusChange, error)
	// InsertFinding stores a finding; ECONFLICT when the incident already
	// has one against the same party.
	InsertFinding(f *Finding) error
	// Findings returns the findings of the incidents, oldest first.
	Findings(incidentIDs ...string) ([]*Finding, error)
	// InsertResponse stores a reply.
	InsertResponse(r *Response) error
	// Responses returns the replies to the incidents, oldest first.
	Responses(incidentIDs ...string) ([]*Response, error)
	// InsertNotification stores a notification.
	InsertNotification(n *Notification) error
	// Notification returns one notification, or ENOTFOUND.
	Notification(id string) (*Notification, error)
	// Notifications returns a page of notifications matching f, newest
	// first, and the next cursor.
	Notifications(f NotificationFilter) ([]*Notification, string, error)
	// AckNotification records the acknowledgement of a notification (the
	// first one counts; later calls change nothing); ENOTFOUND if missing.
	AckNotification(id, by string, at time.Time) error
	// InsertWebhook stores a webhook with its secret.
	InsertWebhook(w *Webhook) error
	// Webhook returns one webhook with its secret, or ENOTFOUND.
	Webhook(id string) (*Webhook, error)
	// Webhooks returns the webhooks that are not deleted, of one
	// addressee ("" for all), oldest first, with their secrets.
	Webhooks(to string) ([]*Webhook, error)
	// DeleteWebhook marks a webhook deleted and cancels its pending
	// deliveries; ENOTFOUND if missing or already deleted.
	DeleteWebhook(id string, at time.Time) error
	// InsertDelivery stores a delivery in the outbox.
	InsertDelivery(d *Delivery) error
	// Delivery returns one delivery with its body, or ENOTFOUND.
	Delivery(id string) (*Delivery, error)
	// DueDeliveries returns up to limit pending deliveries whose NextAt is
	// not after now, the earliest due first, with their bodies.
	DueDeliveries(now time.Time, limit int) ([]*Delivery, error)
	// UpdateDelivery stores a delivery's state, attempts, NextAt, last
	// status and error and delivery time.
	UpdateDelivery(d *Delivery) error
	// Deliveries returns a page of deliveries matching f, newest first
	// (without bodies), and the next cursor.
	Deliveries(f DeliveryFilter) ([]*Delivery, string, error)
}
