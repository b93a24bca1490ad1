package main

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/app"
	"github.com/truce-monitor/truce/internal/demo"
	"github.com/truce-monitor/truce/internal/intake"
)

// The follow-up of the demo is replayed, not faked: the instance's clock
// starts replayDays before now, the scenario is received then, and the
// reviews, findings, replies and publications happen at their own times in
// the days after, through the services and with the right principals, so
// that every deadline shown (missed, answered in time, answered late,
// still open) is computed honestly from the real clock once the replay
// catches up with it.
const replayDays = 8

// followupDone is the setting that marks a data dir whose follow-up was
// played, so that a second `truce demo --data DIR` does not play it again.
const followupDone = "demo.followup"

// replayClock is the demo's clock: a time set by the replay while it
// plays, the system clock once released. It never goes back.
type replayClock struct {
	mu sync.Mutex
	at *time.Time
}

// Now returns the replayed time, or the system time once released.
func (c *replayClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at != nil {
		return *c.at
	}
	return time.Now().UTC()
}

func (c *replayClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.at != nil && t.After(*c.at) {
		c.at = &t
	}
}

func (c *replayClock) release() {
	c.mu.Lock()
	c.at = nil
	c.mu.Unlock()
}

// rewindForReplay starts the replay replayDays before now, unless the
// data dir's follow-up was already played (then the clock stays real).
func rewindForReplay(ctx context.Context, rt *runtime, c *replayClock) error {
	err := rt.store.View(ctx, func(tx truce.Tx) error {
		_, err := tx.Meta(followupDone)
		return err
	})
	switch truce.ErrorCode(err) {
	case truce.ENOTFOUND:
		t0 := time.Now().UTC().Add(-replayDays * 24 * time.Hour).Truncate(time.Hour)
		c.mu.Lock()
		c.at = &t0
		c.mu.Unlock()
		return nil
	case "":
		return nil
	}
	return err
}

// The principals of the replay.
var (
	demoAnalyst = truce.Principal{ID: "demo-analyst", Role: truce.RoleAnalyst, Name: "demo analyst"}
	demoAdmin   = truce.Principal{ID: "demo-admin", Role: truce.RoleAdmin, Name: "demo admin"}
	demoRU      = truce.Principal{ID: "demo-party-RU", Role: truce.RoleParty, Party: "RU", Name: "RU liaison (demo)"}
	demoUA      = truce.Principal{ID: "demo-party-UA", Role: truce.RoleParty, Party: "UA", Name: "UA liaison (demo)"}
)

// followStep is one act of the replay: at a time after its start, on the
// incident of a scenario event.
type followStep struct {
	at    time.Duration
	event string
	what  string
	do    func(ctx context.Context, a *app.App, incident string) error
}

const day = 24 * time.Hour

// followupScript is the replay, event by event. Times are after the start
// of the replay (replayDays before now); a reply is due 72 hours after
// verification.
func followupScript() []followStep {
	var s []followStep
	add := func(at time.Duration, event, what string, do func(context.Context, *app.App, string) error) {
		s = append(s, followStep{at: at, event: event, what: what, do: do})
	}
	review := []string{"dnipro-0828-iskander", "kupiansk-0819-kab", "engels-0901-airbase", "kharkiv-0903-kab",
		"sumy-0906-drone", "bryansk-0907-plant", "kurchatov-0820-npp", "enerhodar-0820-znpp", "burshtyn-0910-tpp"}
	for i, ev := range review {
		add(time.Hour+time.Duration(i)*5*time.Minute, ev, "taken under review", setStatusStep(demoAnalyst, truce.StatusUnderReview, "the mission reviews the reports"))
	}
	// Kupiansk: verified, no reply in 72 hours: a missed deadline; published after it.
	add(1*day, "kupiansk-0819-kab", "verified", setStatusStep(demoAnalyst, truce.StatusVerified, "patrol photographed the crater and KAB tail fins"))
	add(6*day, "kupiansk-0819-kab", "published", setStatusStep(demoAdmin, truce.StatusPublished, "verified; RU did not reply within 72 hours"))
	// Dnipro: RU acknowledges, contests with counter-evidence; disputed, then published.
	add(1*day+2*time.Hour, "dnipro-0828-iskander", "verified", setStatusStep(demoAnalyst, truce.StatusVerified, "craters and Iskander-M fragments inside the plant"))
	add(1*day+8*time.Hour, "dnipro-0828-iskander", "RU acknowledges the finding", ackStep(demoRU))
	add(2*day, "dnipro-0828-iskander", "RU contests", replyStep(demoRU, truce.PositionContest,
		"The explosion was caused by a Ukrainian air-defence missile falling on the plant. The Russian armed forces carried out no strike.",
		[]string{"attribution", "facts"}, dniproCounter))
	add(2*day+4*time.Hour, "dnipro-0828-iskander", "disputed", setStatusStep(demoAnalyst, truce.StatusDisputed, "RU contests the attribution; its evidence is examined"))
	add(3*day+12*time.Hour, "dnipro-0828-iskander", "published", setStatusStep(demoAdmin, truce.StatusPublished,
		"published as disputed: the fragments are of Iskander-M; RU's counter-evidence shows no air-defence debris"))
	// Kurchatov: the monitors cannot tell.
	add(2*day+4*time.Hour, "kurchatov-0820-npp", "unverified", setStatusStep(demoAnalyst, truce.StatusUnverified, "no access to the site; sources contradict each other"))
	// Engels: UA accepts; published.
	add(2*day+6*time.Hour, "engels-0901-airbase", "verified", setStatusStep(demoAnalyst, truce.StatusVerified, "satellite images show hits on the apron"))
	add(2*day+20*time.Hour, "engels-0901-airbase", "UA acknowledges the finding", ackStep(demoUA))
	add(3*day, "engels-0901-airbase", "UA accepts", replyStep(demoUA, truce.PositionAccept,
		"Ukraine confirms the strike on the Engels air base, from which strategic bombers attack Ukrainian cities.", nil, ""))
	add(4*day, "engels-0901-airbase", "published", setStatusStep(demoAdmin, truce.StatusPublished, "verified; UA accepts the finding"))
	// Kharkiv: RU denies, but after the deadline.
	add(3*day, "kharkiv-0903-kab", "verified", setStatusStep(demoAnalyst, truce.StatusVerified, "KAB fragments at the apartment block"))
	add(6*day+12*time.Hour, "kharkiv-0903-kab", "RU denies, late", replyStep(demoRU, truce.PositionDeny,
		"The Russian armed forces did not strike Kharkiv on 3 September.", nil, ""))
	// Sumy: RU denies in time; verified, not published.
	add(4*day, "sumy-0906-drone", "verified", setStatusStep(demoAnalyst, truce.StatusVerified, "Shahed wreckage recovered by the patrol"))
	add(5*day, "sumy-0906-drone", "RU denies", replyStep(demoRU, truce.PositionDeny,
		"No strikes were carried out on Sumy. The damage was caused by Ukrainian air defence.", nil, ""))
	// Bryansk: UA contests the classification; published.
	add(4*day+6*time.Hour, "bryansk-0907-plant", "verified", setStatusStep(demoAnalyst, truce.StatusVerified, "drone strike on the plant confirmed"))
	add(5*day+2*time.Hour, "bryansk-0907-plant", "UA contests", replyStep(demoUA, truce.PositionContest,
		"The plant makes ammunition components: it is a military objective, not civilian industry.", []string{"classification"}, ""))
	add(6*day, "bryansk-0907-plant", "published", setStatusStep(demoAdmin, truce.StatusPublished, "verified; UA's reply on the plant's use attached"))
	// Burshtyn: verified hours ago: RU's deadline is still ahead.
	add(replayDays*day-4*time.Hour, "burshtyn-0910-tpp", "verified", setStatusStep(demoAnalyst, truce.StatusVerified, "damage to the turbine hall confirmed"))
	sort.SliceStable(s, func(i, j int) bool { return s[i].at < s[j].at })
	return s
}

func setStatusStep(p truce.Principal, to truce.Status, note string) func(context.Context, *app.App, string) error {
	return func(ctx context.Context, a *app.App, id string) error {
		_, err := a.SetStatus(truce.WithPrincipal(ctx, p), id, to, note)
		return err
	}
}

func replyStep(p truce.Principal, pos truce.Position, text string, contests []string, evidence string) func(context.Context, *app.App, string) error {
	return func(ctx context.Context, a *app.App, id string) error {
		var items []intake.Item
		if evidence != "" {
			err := intake.Decode(bytes.NewReader([]byte(evidence)), intake.NDJSON, func(it intake.Item) error {
				items = append(items, it)
				return nil
			})
			if err != nil {
				return err
			}
		}
		_, err := a.Reply(truce.WithPrincipal(ctx, p), id, app.ReplyInput{Position: pos, Text: text, Contests: contests}, items)
		return err
	}
}

// ackStep acknowledges the party's finding on the incident.
func ackStep(p truce.Principal) func(context.Context, *app.App, string) error {
	return func(ctx context.Context, a *app.App, id string) error {
		ctx = truce.WithPrincipal(ctx, p)
		ns, _, err := a.Notifications(ctx, truce.NotificationFilter{Incident: id})
		if err != nil {
			return err
		}
		for _, n := range ns {
			if n.Event == truce.EventFinding {
				_, err := a.Ack(ctx, n.ID)
				return err
			}
		}
		return fmt.Errorf("no finding notification to %s", p.Party)
	}
}

// dniproCounter is RU's counter-evidence on the Dnipro strike, filed with
// its reply through intake.
const dniproCounter = `{"source":{"type":"party","name":"Russian Ministry of Defence","party":"RU","ref":"ru-mod-reply-dnipro-0828"},` +
	`"kind":"explosion","occurred":{"from":"2025-08-28T10:00:00+03:00","to":"2025-08-28T10:30:00+03:00"},` +
	`"location":{"place":"Dnipro"},"language":"ru",` +
	`"text":"Фрагменты, найденные на предприятии, принадлежат ракете зенитного ракетного комплекса С-300 ВСУ."}`

// playFollowup plays the follow-up script on a fresh data dir, then
// releases the clock to the system time. Steps that fail (an event whose
// incident the scenario fused otherwise) are reported and skipped.
func playFollowup(ctx context.Context, e *env, rt *runtime, c *replayClock) (failed int, err error) {
	defer c.release()
	t0 := c.Now()
	if t0.After(time.Now().Add(-time.Hour)) {
		return 0, nil // played before: the clock is the system's
	}
	incidents, err := demoIncidents(ctx, rt)
	if err != nil {
		return 0, err
	}
	done := map[string]int{}
	for _, st := range followupScript() {
		c.set(t0.Add(st.at))
		id, ok := incidents[st.event]
		if !ok {
			err = fmt.Errorf("event not in the scenario")
		} else {
			err = st.do(ctx, rt.app, id)
		}
		if err != nil {
			failed++
			fmt.Fprintf(e.stderr, "demo follow-up: %s %s: %v\n", st.event, st.what, err)
			continue
		}
		done[st.what]++
	}
	c.release()
	err = rt.store.Update(ctx, func(tx truce.Tx) error {
		return tx.PutMeta(followupDone, []byte(time.Now().UTC().Format(time.RFC3339)))
	})
	if err != nil {
		return failed, err
	}
	replies, err := replyStates(ctx, rt.app, incidents)
	fmt.Fprintf(e.stdout, "Replayed the follow-up of the last %d days: %d reviews, %d verified, %d replies, %d published; "+
		"findings: %d answered in time, %d answered late, %d missed (no reply), %d still open.\n",
		replayDays, done["taken under review"], done["verified"], countReplies(done), done["published"],
		replies[truce.ReplyAnswered], replies[truce.ReplyLate], replies[truce.ReplyMissed], replies[truce.ReplyOpen])
	return failed, err
}

// replyStates counts the findings of the scripted incidents by where the
// party's reply stands now, as the incident pages show them.
func replyStates(ctx context.Context, a *app.App, incidents map[string]string) (map[truce.ReplyState]int, error) {
	out := map[truce.ReplyState]int{}
	seen := map[string]bool{}
	for _, st := range followupScript() {
		id := incidents[st.event]
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		v, err := a.Incident(truce.WithPrincipal(ctx, demoAdmin), id)
		if err != nil {
			return nil, err
		}
		for _, f := range v.Findings {
			out[f.Reply]++
		}
	}
	return out, nil
}

func countReplies(done map[string]int) int {
	n := 0
	for what, k := range done {
		switch what {
		case "RU contests", "RU denies", "RU denies, late", "UA accepts", "UA contests":
			n += k
		}
	}
	return n
}

// demoIncidents maps each scenario event to its incident, through the
// event's first report ref.
func demoIncidents(ctx context.Context, rt *runtime) (map[string]string, error) {
	names := map[string]string{} // source ref -> source name
	for _, line := range bytes.Split(demo.Scenario(), []byte("\n")) {
		if r, errs := truce.DecodeReport(line); len(errs) == 0 {
			names[r.Source.Ref] = r.Source.Name
		}
	}
	out := map[string]string{}
	err := rt.store.View(ctx, func(tx truce.Tx) error {
		for _, ev := range demo.Catalog() {
			for _, ref := range ev.Refs {
				r, err := tx.ReportByKey(names[ref], ref)
				if err != nil {
					continue
				}
				if id, err := tx.IncidentOf(r.ID); err == nil {
					out[ev.ID] = id
					break
				}
			}
		}
		return nil
	})
	return out, err
}
