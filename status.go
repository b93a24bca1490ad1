package truce

// Status is where an incident stands in the follow-up workflow.
type Status string

// The statuses of an incident, in workflow order.
const (
	StatusReported    Status = "reported"
	StatusUnderReview Status = "under_review"
	StatusVerified    Status = "verified"
	StatusUnverified  Status = "unverified"
	StatusDisputed    Status = "disputed"
	StatusPublished   Status = "published"
	StatusRetracted   Status = "retracted"
)
