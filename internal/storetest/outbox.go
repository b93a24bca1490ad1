package storetest

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/truce-monitor/truce"
)

func newWebhook(id, to string) *truce.Webhook {
	return &truce.Webhook{ID: id, URL: "https://hooks.example/" + id, Secret: "s3cret-" + id,
		Events: []string{truce.EventFinding, truce.EventStatus}, To: to, CreatedBy: "tok_1", CreatedAt: base}
}

func newDelivery(i int, webhook string, next time.Time) *truce.Delivery {
	return &truce.Delivery{ID: fmt.Sprintf("dl_%03d", i), Webhook: webhook, Notification: fmt.Sprintf("nt_%d", i),
		Event: truce.EventFinding, URL: "https://hooks.example/" + webhook, Body: []byte(fmt.Sprintf(`{"n":%d}`, i)),
		State: truce.DeliveryPending, NextAt: next, CreatedAt: base}
}

func testWebhooks(t *testing.T, s truce.Store) {
	a, b, c := newWebhook("wh_a", truce.Mission), newWebhook("wh_b", "RU"), newWebhook("wh_c", "RU")
	deleted := base.Add(time.Hour)
	update(t, s, func(tx truce.Tx) error {
		for _, h := range []*truce.Webhook{a, b, c} {
			if err := tx.InsertWebhook(h); err != nil {
				return err
			}
		}
		for i, h := range []string{"wh_b", "wh_b", "wh_c"} {
			if err := tx.InsertDelivery(newDelivery(i, h, base)); err != nil {
				return err
			}
		}
		return errors.Join(errWant("duplicate", tx.InsertWebhook(a), truce.ECONFLICT), tx.DeleteWebhook("wh_b", deleted),
			errWant("delete twice", tx.DeleteWebhook("wh_b", deleted), truce.ENOTFOUND))
	})
	view(t, s, func(tx truce.Tx) error {
		got, err := tx.Webhook("wh_a")
		if diff := cmp.Diff(a, got); diff != "" {
			t.Errorf("round trip with secret (-want +got):\n%s", diff)
		}
		gone, err2 := tx.Webhook("wh_b")
		if err2 == nil && (gone.DeletedAt == nil || !gone.DeletedAt.Equal(deleted)) {
			t.Errorf("deleted webhook: DeletedAt %v, want %v", gone.DeletedAt, deleted)
		}
		ru, err3 := tx.Webhooks("RU")
		every, err4 := tx.Webhooks("")
		if ids := hookIDs(ru); !cmp.Equal(ids, []string{"wh_c"}) {
			t.Errorf("RU webhooks in use: %v, want [wh_c]", ids)
		}
		if ids := hookIDs(every); !cmp.Equal(ids, []string{"wh_a", "wh_c"}) {
			t.Errorf("all webhooks in use: %v, want [wh_a wh_c]", ids)
		}
		due, err5 := tx.DueDeliveries(base, 10)
		if len(due) != 1 || due[0].Webhook != "wh_c" {
			t.Errorf("due after deleting wh_b: %v, want only the delivery to wh_c", due)
		}
		cancelled, _, err6 := tx.Deliveries(truce.DeliveryFilter{State: truce.DeliveryCancelled})
		if len(cancelled) != 2 {
			t.Errorf("cancelled deliveries: %d, want 2", len(cancelled))
		}
		_, err7 := tx.Webhook("wh_none")
		return errors.Join(err, err2, err3, err4, err5, err6, errWant("missing", err7, truce.ENOTFOUND))
	})
}

func hookIDs(hs []*truce.Webhook) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.ID)
	}
	return out
}

func testDeliveries(t *testing.T, s truce.Store) {
	ds := []*truce.Delivery{
		newDelivery(0, "wh_a", base.Add(2*time.Minute)),
		newDelivery(1, "wh_a", base),
		newDelivery(2, "wh_b", base.Add(time.Minute)),
		newDelivery(3, "wh_b", base.Add(time.Hour)),
	}
	update(t, s, func(tx truce.Tx) error {
		for _, d := range ds {
			if err := tx.InsertDelivery(d); err != nil {
				return err
			}
		}
		return errWant("duplicate", tx.InsertDelivery(ds[0]), truce.ECONFLICT)
	})
	tests := []struct {
		now   time.Time
		limit int
		want  []string
	}{
		{base.Add(-time.Second), 10, nil},
		{base.Add(2 * time.Minute), 10, []string{"dl_001", "dl_002", "dl_000"}},
		{base.Add(2 * time.Minute), 2, []string{"dl_001", "dl_002"}},
	}
	view(t, s, func(tx truce.Tx) error {
		for _, tt := range tests {
			due, err := tx.DueDeliveries(tt.now, tt.limit)
			if err != nil {
				return err
			}
			var ids []string
			for _, d := range due {
				ids = append(ids, d.ID)
			}
			if !cmp.Equal(ids, tt.want) {
				t.Errorf("DueDeliveries(%v, %d) = %v, want %v", tt.now, tt.limit, ids, tt.want)
			}
		}
		got, err := tx.Delivery("dl_002")
		if diff := cmp.Diff(ds[2], got); diff != "" {
			t.Errorf("round trip (-want +got):\n%s", diff)
		}
		return err
	})
	done := *ds[1]
	at := base.Add(3 * time.Minute)
	done.State, done.Attempts, done.LastStatus, done.LastError, done.DeliveredAt = truce.DeliveryDelivered, 2, 204, "", &at
	failed := *ds[2]
	failed.Attempts, failed.NextAt, failed.LastStatus, failed.LastError = 1, base.Add(10*time.Minute), 500, "500 Internal Server Error"
	update(t, s, func(tx truce.Tx) error {
		missing := newDelivery(9, "wh_a", base)
		return errors.Join(tx.UpdateDelivery(&done), tx.UpdateDelivery(&failed),
			errWant("update of a missing delivery", tx.UpdateDelivery(missing), truce.ENOTFOUND))
	})
	view(t, s, func(tx truce.Tx) error {
		due, err := tx.DueDeliveries(base.Add(5*time.Minute), 10)
		if len(due) != 1 || due[0].ID != "dl_000" {
			t.Errorf("due after updates: %v, want [dl_000]", due)
		}
		got1, err1 := tx.Delivery("dl_001")
		got2, err2 := tx.Delivery("dl_002")
		if diff := cmp.Diff(&done, got1); diff != "" {
			t.Errorf("delivered (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(&failed, got2); diff != "" {
			t.Errorf("failed attempt (-want +got):\n%s", diff)
		}
		return errors.Join(err, err1, err2)
	})
}

func testDeliveryPaging(t *testing.T, s truce.Store) {
	update(t, s, func(tx truce.Tx) error {
		for i := range 25 {
			if err := tx.InsertDelivery(newDelivery(i, []string{"wh_a", "wh_b"}[i%2], base)); err != nil {
				return err
			}
		}
		return nil
	})
	var ids []string
	f := truce.DeliveryFilter{Webhook: "wh_a", Limit: 4}
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("paging did not end")
		}
		var next string
		view(t, s, func(tx truce.Tx) error {
			ds, n, err := tx.Deliveries(f)
			for _, d := range ds {
				if d.Body != nil {
					t.Errorf("list holds the body of %s", d.ID)
				}
				ids = append(ids, d.ID)
			}
			next = n
			return err
		})
		if next == "" {
			break
		}
		f.Cursor = next
	}
	var want []string
	for i := 24; i >= 0; i -= 2 {
		want = append(want, fmt.Sprintf("dl_%03d", i))
	}
	if !cmp.Equal(ids, want) {
		t.Errorf("pages of wh_a's deliveries: %v, want %v", ids, want)
	}
}

// testFollowupRollback checks that nothing of the follow-up survives a
// failed transaction.
func testFollowupRollback(t *testing.T, s truce.Store) {
	failure := errors.New("the act failed after writing")
	err := s.Update(t.Context(), func(tx truce.Tx) error {
		err := errors.Join(
			tx.InsertStatusChange(&truce.StatusChange{ID: "st_1", Incident: "i_1", At: base}),
			tx.InsertFinding(newFinding("fd_1", "i_1", "RU")),
			tx.InsertResponse(&truce.Response{ID: "rs_1", Incident: "i_1", At: base}),
			tx.InsertNotification(newNotification(1, "RU", "i_1")),
			tx.InsertWebhook(newWebhook("wh_a", "RU")),
			tx.InsertDelivery(newDelivery(1, "wh_a", base)),
		)
		if err != nil {
			return err
		}
		return failure
	})
	if !errors.Is(err, failure) {
		t.Fatalf("Update returned %v, want the function's error", err)
	}
	view(t, s, func(tx truce.Tx) error {
		h, err1 := tx.StatusHistory("i_1")
		f, err2 := tx.Findings("i_1")
		r, err3 := tx.Responses("i_1")
		_, err4 := tx.Notification("nt_001")
		_, err5 := tx.Webhook("wh_a")
		_, err6 := tx.Delivery("dl_001")
		if len(h)+len(f)+len(r) != 0 {
			t.Errorf("rolled back rows visible: %d changes, %d findings, %d responses", len(h), len(f), len(r))
		}
		return errors.Join(err1, err2, err3, errWant("notification", err4, truce.ENOTFOUND),
			errWant("webhook", err5, truce.ENOTFOUND), errWant("delivery", err6, truce.ENOTFOUND))
	})
}
