package httpapi

import "net/http"

// routes lists every route of the server, in one place.
func (s *Server) routes(mux *http.ServeMux) {
	h := s.handle
	mux.Handle("GET /healthz", h(s.healthz))
	mux.Handle("GET /metrics", s.metricsHandler())

	mux.Handle("POST /api/v1/reports", h(s.postReports))
	mux.Handle("GET /api/v1/reports", h(s.listReports))
	mux.Handle("GET /api/v1/reports/{id}", h(s.getReport))

	mux.Handle("GET /api/v1/incidents", h(s.listIncidents))
	mux.Handle("GET /api/v1/incidents/{id}", h(s.getIncident))
	mux.Handle("POST /api/v1/incidents/merge", h(s.mergeIncidents))
	mux.Handle("POST /api/v1/incidents/{id}/split", h(s.splitIncident))
	mux.Handle("POST /api/v1/incidents/{id}/status", h(s.postStatus))
	mux.Handle("POST /api/v1/incidents/{id}/responses", h(s.postResponse))

	mux.Handle("GET /api/v1/notifications", h(s.listNotifications))
	mux.Handle("GET /api/v1/notifications/{id}", h(s.getNotification))
	mux.Handle("POST /api/v1/notifications/{id}/ack", h(s.ackNotification))
	mux.Handle("POST /api/v1/webhooks", h(s.postWebhook))
	mux.Handle("GET /api/v1/webhooks", h(s.listWebhooks))
	mux.Handle("DELETE /api/v1/webhooks/{id}", h(s.deleteWebhook))
	mux.Handle("GET /api/v1/deliveries", h(s.listDeliveries))

	mux.Handle("GET /api/v1/agreements", h(s.listAgreements))
	mux.Handle("GET /api/v1/agreements/{id}", h(s.getAgreement))
	mux.Handle("POST /api/v1/agreements", h(s.postAgreement))

	mux.Handle("GET /api/v1/rejected", h(s.listRejected))
	mux.Handle("GET /api/v1/rejected/{id}", h(s.getRejected))
	mux.Handle("POST /api/v1/rejected/{id}/resubmit", h(s.resubmit))

	if s.Log != nil {
		mux.Handle("/log/", s.Log)
	}
	if s.Web != nil {
		mux.Handle("GET /log", s.Web) // the log's page; without it the mux redirects /log to /log/
		mux.Handle("/", s.Web)
	} else {
		mux.Handle("GET /{$}", h(s.index))
	}
}
