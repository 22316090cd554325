package store

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/kg"
)

// placeHit is a stored place and its location.
type placeHit struct {
	iri string
	loc *kg.Geocode
}

// placesIn lists the stored places (GeoNames features that entities are
// sameAs or articles filed from) that f selects.
func (s *Store) placesIn(ctx context.Context, f kg.PlaceFilter) ([]placeHit, error) {
	iris, err := s.subjectsOf(ctx, rdfType, classPlace)
	if err != nil {
		return nil, err
	}
	var out []placeHit
	for _, iri := range iris {
		l, err := s.place(ctx, iri)
		if err != nil {
			return nil, err
		}
		if l != nil && f.Matches(l) {
			out = append(out, placeHit{iri, l})
		}
	}
	return out, nil
}

// EntitiesNear returns the entities located within km of a point, nearest
// first (then by IRI), at most limit, and how many there are in all.
// Entities joined across articles count once, as their canonical entity.
func (s *Store) EntitiesNear(ctx context.Context, lat, lon, km float64, limit int) ([]kg.Nearby, int, error) {
	if km < 0 || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return nil, 0, kg.Errorf(kg.EINVALID, "entitiesNear: lat %v, lon %v, km %v out of range", lat, lon, km)
	}
	x, err := s.links(ctx)
	if err != nil {
		return nil, 0, err
	}
	hits, err := s.placesIn(ctx, kg.PlaceFilter{Near: true, Lat: lat, Lon: lon, Km: km})
	if err != nil {
		return nil, 0, fmt.Errorf("entities near: %w", err)
	}
	dist := map[string]float64{}
	for _, h := range hits {
		d := kg.Km(lat, lon, h.loc.Lat, h.loc.Lon)
		ents, err := s.subjectsOf(ctx, owlSameAs, quad.IRI(h.iri))
		if err != nil {
			return nil, 0, fmt.Errorf("entities near: %w", err)
		}
		for _, e := range ents {
			c := x.canonical(e)
			if old, ok := dist[c]; !ok || d < old {
				dist[c] = d
			}
		}
	}
	ids := make([]string, 0, len(dist))
	for id := range dist {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if dist[ids[i]] != dist[ids[j]] {
			return dist[ids[i]] < dist[ids[j]]
		}
		return ids[i] < ids[j]
	})
	var out []kg.Nearby
	for _, id := range ids {
		if len(out) == limit {
			break
		}
		e, err := s.Entity(ctx, id)
		if gone(err) {
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		out = append(out, kg.Nearby{Entity: e, Km: dist[id]})
	}
	return out, len(ids), nil
}

// statementsInPlace is the set of statements that f selects: those with
// a reading whose PLACE argument is an entity located there, or, for a
// reading without a located PLACE argument, whose article was filed from
// there.
func (s *Store) statementsInPlace(ctx context.Context, f kg.PlaceFilter) (map[string]bool, error) {
	hits, err := s.placesIn(ctx, f)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	addReading := func(prov string) error {
		sts, err := s.subjectsOf(ctx, pProvenance, quad.IRI(prov))
		if err != nil {
			return err
		}
		for _, st := range sts {
			out[st] = true
		}
		return nil
	}
	for _, h := range hits {
		ents, err := s.subjectsOf(ctx, owlSameAs, quad.IRI(h.iri))
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			args, err := s.subjectsOf(ctx, pArgValue, quad.IRI(e))
			if err != nil {
				return nil, err
			}
			for _, a := range args {
				p, err := s.props(ctx, a)
				if err != nil {
					return nil, err
				}
				if p.str(pRole) != string(kg.RolePlace) {
					continue
				}
				provs, err := s.subjectsOf(ctx, pArgument, quad.IRI(a))
				if err != nil {
					return nil, err
				}
				for _, pv := range provs {
					if err := addReading(pv); err != nil {
						return nil, err
					}
				}
			}
		}
		arts, err := s.subjectsOf(ctx, pLocation, quad.IRI(h.iri))
		if err != nil {
			return nil, err
		}
		for _, a := range arts {
			refs, err := s.subjectsOf(ctx, pArticle, quad.IRI(a))
			if err != nil {
				return nil, err
			}
			for _, r := range refs {
				p, err := s.props(ctx, r)
				if err != nil {
					return nil, err
				}
				if p.iri(rdfType) != string(classProvenance) {
					continue // a mention
				}
				located, err := s.hasLocatedPlace(ctx, p)
				if err != nil {
					return nil, err
				}
				if !located {
					if err := addReading(r); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	return out, nil
}

// hasLocatedPlace reports whether a reading has a PLACE argument whose
// entity is located (its place, not the dateline's, is where it happened).
func (s *Store) hasLocatedPlace(ctx context.Context, prov props) (bool, error) {
	for _, av := range prov[pArgument] {
		ai, ok := av.(quad.IRI)
		if !ok {
			continue
		}
		ap, err := s.props(ctx, string(ai))
		if err != nil {
			return false, err
		}
		if ap.str(pRole) != string(kg.RolePlace) {
			continue
		}
		vp, err := s.props(ctx, ap.iri(pArgValue))
		if err != nil {
			return false, err
		}
		for _, sa := range vp[owlSameAs] {
			if i, ok := sa.(quad.IRI); ok {
				if _, isPlace := kg.GeonamesID(string(i)); isPlace {
					return true, nil
				}
			}
		}
	}
	return false, nil
}
