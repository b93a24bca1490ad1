// Truce maps: the shipped oblast boundaries and occupied area, the names
// of the neighbouring Russian regions, and the incidents (one by one, or
// counted in cells by the server when there are too many). No tile server
// unless the deployment names one.
(function () {
  'use strict';
  if (typeof L === 'undefined') { return; }
  var main = document.getElementById('main');
  var lang = document.documentElement.lang || 'en';
  var UKRAINE = [[44.2, 22.0], [52.5, 40.3]];

  function labelsOf(el) {
    try { return JSON.parse(el.getAttribute('data-labels') || '{}'); } catch (e) { return {}; }
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function getJSON(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json' } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }

  function baseMap(el, labels) {
    var map = L.map(el, { zoomSnap: 0.5, minZoom: 4, maxZoom: 16, attributionControl: true, zoomControl: false });
    L.control.zoom({ zoomInTitle: labels['map.zoom_in'] || '+', zoomOutTitle: labels['map.zoom_out'] || '−' }).addTo(map);
    map.attributionControl.setPrefix(false);
    var tiles = main && main.getAttribute('data-tiles');
    if (tiles) {
      L.tileLayer(tiles, { attribution: esc(main.getAttribute('data-tiles-attribution') || '') }).addTo(map);
    }
    map.fitBounds(UKRAINE);
    getJSON('/map/base/oblasts.geojson').then(function (g) {
      L.geoJSON(g, { interactive: false, style: { color: '#8a99ad', weight: 1, fillColor: '#ffffff', fillOpacity: tiles ? 0 : 0.92 },
        attribution: esc(labels['map.boundaries'] || '') }).addTo(map).bringToBack();
      return getJSON('/map/base/occupied.geojson');
    }).then(function (g) {
      L.geoJSON(g, { interactive: false, style: { color: '#b42318', weight: 1, opacity: 0.6, fillColor: '#b42318', fillOpacity: 0.14 },
        attribution: esc(labels['map.occupied_source'] || '') }).addTo(map);
      return getJSON('/map/base/regions.geojson');
    }).then(function (g) {
      g.features.forEach(function (f) {
        var p = f.properties;
        var name = (lang === 'uk' && p.name_uk) || (lang === 'ru' && p.name_ru) || p.name;
        L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
          interactive: false, keyboard: false,
          icon: L.divIcon({ className: 'region-label', html: esc(name), iconSize: null })
        }).addTo(map);
      });
      el.setAttribute('data-base', 'ready');
    }).catch(function () { el.setAttribute('data-base', 'failed'); });
    return map;
  }

  function verdictClass(v) { return 'pt pt-' + (v || 'none'); }

  function when(iso, labels) {
    var d = new Date(iso);
    try {
      return new Intl.DateTimeFormat(document.documentElement.getAttribute('data-locale') || lang,
        { timeZone: 'Europe/Kyiv', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
        .format(d) + ' ' + (labels['time.kyiv'] || '');
    } catch (e) { return iso; }
  }

  function popup(p, labels) {
    var kind = labels['kind.' + p.kind] || p.kind;
    var verdict = p.verdict ? (labels['verdict.' + p.verdict] || p.verdict) : (labels['verdict.none'] || '');
    var party = p.party ? ' · ' + esc(labels['party.' + p.party] || p.party) : '';
    return '<div class="popup"><h3>' + esc(kind) + '</h3><p>' + esc(when(p.start, labels)) + '</p>' +
      '<p><span class="badge v-' + esc(p.verdict || 'none') + '">' + esc(verdict) + '</span>' + party + '</p>' +
      '<p><a href="/incidents/' + encodeURIComponent(p.id) + '">' + esc(labels['map.open'] || '') + '</a></p></div>';
  }

  function incidentsMap(el) {
    var labels = labelsOf(el);
    var map = baseMap(el, labels);
    var layer = null, seq = 0, timer = null;
    var note = L.DomUtil.create('div', 'map-note', el);
    note.setAttribute('role', 'status');
    function load() {
      var b = map.getBounds().pad(0.2);
      var box = [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())]
        .map(function (x) { return x.toFixed(4); }).join(',');
      var src = el.getAttribute('data-src');
      var url = src + (src.indexOf('?') < 0 ? '?' : '&') + 'bbox=' + box + '&zoom=' + Math.round(map.getZoom());
      var mine = ++seq;
      getJSON(url).then(function (fc) {
        if (mine !== seq) { return; }
        if (layer) { map.removeLayer(layer); }
        layer = fc.truce && fc.truce.mode === 'grid' ? gridLayer(fc, map, labels) : pointLayer(fc, labels);
        layer.addTo(map);
        var n = (fc.truce && fc.truce.count) || 0;
        note.textContent = (labels['map.shown'] || '{n}').replace('{n}', n.toLocaleString(lang));
        el.setAttribute('data-points', String(fc.features.length));
        el.setAttribute('data-mode', fc.truce ? fc.truce.mode : '');
      }).catch(function () { note.textContent = labels['map.failed'] || ''; });
    }
    map.on('moveend', function () { clearTimeout(timer); timer = setTimeout(load, 250); });
    load();
  }

  function pointLayer(fc, labels) {
    var group = L.markerClusterGroup ? L.markerClusterGroup({
      showCoverageOnHover: false, maxClusterRadius: 40,
      iconCreateFunction: function (c) {
        var n = c.getChildCount();
        var viol = c.getAllChildMarkers().some(function (m) { return m.options.verdict === 'violation'; });
        var size = n < 10 ? 30 : n < 100 ? 36 : 44;
        return L.divIcon({ className: 'cluster' + (viol ? ' has-violations' : ''), html: '<span>' + n + '</span>', iconSize: [size, size] });
      }
    }) : L.layerGroup();
    fc.features.forEach(function (f) {
      var p = f.properties;
      var m = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
        verdict: p.verdict, title: (labels['kind.' + p.kind] || p.kind) + ' — ' + (p.verdict ? labels['verdict.' + p.verdict] : labels['verdict.none']),
        icon: L.divIcon({ className: verdictClass(p.verdict), iconSize: [14, 14] })
      });
      m.bindPopup(popup(p, labels));
      group.addLayer(m);
    });
    return group;
  }

  function gridLayer(fc, map, labels) {
    var group = L.layerGroup();
    fc.features.forEach(function (f) {
      var p = f.properties;
      var size = Math.round(26 + Math.min(30, 6 * Math.log(p.count)));
      var m = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
        title: (labels['map.cell'] || '{n}').replace('{n}', p.count.toLocaleString(lang)),
        icon: L.divIcon({ className: 'cluster' + (p.violations ? ' has-violations' : ''), html: '<span>' + p.count.toLocaleString(lang) + '</span>', iconSize: [size, size] })
      });
      m.on('click keypress', function () { map.setView(m.getLatLng(), Math.min(map.getZoom() + 2, 14)); });
      group.addLayer(m);
    });
    return group;
  }

  function pointMap(el) {
    var labels = labelsOf(el);
    var map = baseMap(el, labels);
    var p = JSON.parse(el.getAttribute('data-point'));
    var at = [p.lat, p.lon];
    L.marker(at, { title: labels['verdict.' + p.verdict] || '', icon: L.divIcon({ className: verdictClass(p.verdict), iconSize: [16, 16] }) }).addTo(map);
    if (p.radius > 0) {
      var c = L.circle(at, { radius: p.radius, color: '#1f3a5f', weight: 1, fillOpacity: 0.08, interactive: false }).addTo(map);
      map.fitBounds(c.getBounds(), { maxZoom: 8, animate: false });
    } else {
      map.setView(at, 8, { animate: false });
    }
    el.setAttribute('data-points', '1');
  }

  function zonesMap(el) {
    var labels = labelsOf(el);
    var map = baseMap(el, labels);
    var zones = JSON.parse(el.getAttribute('data-zones'));
    var layer = L.geoJSON(zones, {
      style: { color: '#1f3a5f', weight: 2, fillColor: '#2c5282', fillOpacity: 0.15 },
      pointToLayer: function (f, at) {
        (f.properties.rings || []).forEach(function (km) {
          L.circle(at, { radius: km * 1000, color: '#1f3a5f', weight: 1.5, dashArray: '6 4', fill: false, interactive: false }).addTo(map);
        });
        return L.circleMarker(at, { radius: 6, color: '#1f3a5f' });
      },
      onEachFeature: function (f, l) {
        var point = f.geometry && f.geometry.type === 'Point';
        l.bindTooltip('<span translate="no">' + esc(f.properties.zone) + '</span>', { permanent: true, direction: point ? 'right' : 'left', className: 'zone-label' });
      }
    }).addTo(map);
    if (layer.getBounds().isValid()) { map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 8, animate: false }); }
    el.setAttribute('data-points', String(zones.features.length));
  }

  document.querySelectorAll('[data-map]').forEach(function (el) {
    var kind = el.getAttribute('data-map');
    if (kind === 'incidents') { incidentsMap(el); }
    if (kind === 'point') { pointMap(el); }
    if (kind === 'zones') { zonesMap(el); }
  });
})();
