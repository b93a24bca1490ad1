package httpapi_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/truce-monitor/truce"
	"github.com/truce-monitor/truce/internal/apptest"
)

const localTruce = `id: local-truce
title: {en: Local truce around the Zaporizhzhia plant}
kind: local
parties: [RU, UA]
timezone: Europe/Kyiv
in_force:
  from: 2025-08-19T00:00
rules:
  - id: "1"
    text: {en: No strikes of any kind.}
    prohibits: {kinds: [strike], weapons: any, targets: any}
`

func TestAgreementVersions(t *testing.T) {
	env := apptest.New(t, apptest.Backends(t)[0].Open(t), later)
	admin, analyst := setupIncidents(t, env)
	post := func(doc string) (int, map[string]any) {
		status, out := env.Do("POST", "/api/v1/agreements", admin, "application/yaml", []byte(doc))
		var m map[string]any
		env.JSON(out, &m)
		return status, m
	}
	status, res := post(localTruce)
	if status != http.StatusCreated || res["verdicts"].(float64) != 4 {
		t.Fatalf("first load: %d %v, want 201 and a verdict for each of the 4 incidents", status, res)
	}
	if status, res = post(localTruce); status != http.StatusOK || res["created"] != false {
		t.Errorf("same document again: %d %v, want 200 and created=false", status, res)
	}
	changed := strings.Replace(localTruce, "2025-08-19T00:00", "2025-08-21T00:00", 1)
	status, res = post(changed)
	if status != http.StatusCreated || res["agreement"].(map[string]any)["version"].(float64) != 2 {
		t.Fatalf("changed document: %d %v, want version 2", status, res)
	}
	// Every incident is judged under the new version (the version is part
	// of the verdict); the 20 August ones are no longer inside the window.
	if n := res["verdicts"].(float64); n != 4 {
		t.Errorf("verdicts given under v2: %v, want 4", n)
	}
	_, out := env.Do("GET", "/api/v1/agreements/local-truce", "", "", nil)
	var got struct {
		Versions []struct{ Version int }
	}
	env.JSON(out, &got)
	if len(got.Versions) != 2 {
		t.Errorf("versions: %+v", got.Versions)
	}
	ids, _ := listIDs(t, env, analyst, "agreement=local-truce&verdict=violation")
	if len(ids) != 1 || ids[0] != "Dnipropetrovsk" {
		t.Errorf("violations under v2: %v, want Dnipropetrovsk only", ids)
	}
	bad := strings.Replace(localTruce, "weapons: any", "weapons: [ballistic]", 1)
	status, out = env.Do("POST", "/api/v1/agreements", admin, "", []byte(bad))
	if status != http.StatusBadRequest || !strings.Contains(string(out), "line 11: rules[0].prohibits.weapons: unknown class 'ballistic'") {
		t.Errorf("bad document: %d %s", status, out)
	}
	if status, _ := env.Do("POST", "/api/v1/agreements", env.Token(truce.RoleAnalyst, ""), "", []byte(localTruce)); status != http.StatusForbidden {
		t.Errorf("an analyst loading terms: %d, want 403", status)
	}
}
