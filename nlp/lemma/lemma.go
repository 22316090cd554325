// Package lemma reduces English verb forms to their dictionary form:
// "sent" to "send", "stated" to "state", "shuttered" to "shutter". It uses a
// table of irregular verbs and suffix rules for the rest. It does not know
// context: it is given a word and its Penn Treebank tag.
package lemma

import "strings"

// irregular maps inflected forms of irregular verbs to their base form.
var irregular = map[string]string{}

const irregularVerbs = `be:am,is,are,was,were,been,being,'s,'re,'m have:has,had,having,'ve,'d do:does,did,done,doing
go:goes,went,gone say:said make:made take:took,taken come:came get:got,gotten give:gave,given
know:knew,known think:thought see:saw,seen find:found tell:told become:became leave:left feel:felt
bring:brought begin:began,begun keep:kept hold:held write:wrote,written stand:stood hear:heard
mean:meant meet:met run:ran pay:paid sit:sat speak:spoke,spoken lead:led grow:grew,grown lose:lost
fall:fell,fallen send:sent build:built understand:understood draw:drew,drawn break:broke,broken
spend:spent rise:rose,risen drive:drove,driven buy:bought wear:wore,worn choose:chose,chosen
seek:sought throw:threw,thrown catch:caught deal:dealt win:won forget:forgot,forgotten lie:lay,lain
sell:sold fight:fought bear:bore,borne teach:taught eat:ate,eaten sing:sang,sung strike:struck
hang:hung shake:shook,shaken ride:rode,ridden fly:flew,flown hide:hid,hidden steal:stole,stolen
freeze:froze,frozen swear:swore,sworn tear:tore,torn wake:woke,woken forgive:forgave,forgiven
withdraw:withdrew,withdrawn undertake:undertook,undertaken overcome:overcame arise:arose,arisen
lay:laid flee:fled feed:fed shoot:shot bind:bound light:lit slide:slid stick:stuck sweep:swept
dig:dug spin:spun swing:swung bleed:bled breed:bred bend:bent lend:lent weep:wept sleep:slept
creep:crept kneel:knelt leap:leapt mislead:misled oversee:oversaw,overseen foresee:foresaw,foreseen
undergo:underwent,undergone uphold:upheld withhold:withheld overthrow:overthrew,overthrown
shut:shuts cut:cuts put:puts set:sets let:lets hit:hits cost:costs hurt:hurts spread:spreads
quit:quits split:splits bet:bets upset:upsets forecast:forecasts broadcast:broadcasts
show:shown prove:proven sew:sewn saw:sawn`

func init() {
	for _, group := range strings.Fields(irregularVerbs) {
		base, forms, _ := strings.Cut(group, ":")
		for _, f := range strings.Split(forms, ",") {
			irregular[f] = base
		}
	}
}

// noE are stems that end like keepE stems but take no "e".
var noE = map[string]bool{
	"open": true, "happen": true, "listen": true, "threaten": true, "widen": true, "strengthen": true,
	"weaken": true, "worsen": true, "lessen": true, "reopen": true, "visit": true, "limit": true, "edit": true,
	"exhibit": true, "credit": true, "audit": true, "benefit": true, "exit": true, "inherit": true,
	"deposit": true, "profit": true, "inhibit": true, "prohibit": true, "solicit": true, "elicit": true,
	"explain": true, "remain": true, "gain": true, "obtain": true, "contain": true, "maintain": true,
	"retain": true, "attain": true, "sustain": true, "detain": true, "complain": true, "train": true,
	"join": true, "rain": true, "drain": true, "strain": true, "restrain": true, "abstain": true,
	"mention": true, "question": true, "function": true, "position": true, "sanction": true,
	"condition": true, "caution": true, "station": true, "vacation": true, "ration": true, "auction": true,
	"petition": true, "partition": true, "abandon": true, "summon": true, "reckon": true, "beckon": true,
	"pardon": true, "poison": true, "imprison": true, "season": true, "reason": true, "design": true,
	"sign": true, "resign": true, "assign": true, "campaign": true, "feign": true, "reign": true,
	"focus": true, "bus": true, "gas": true, "bias": true, "canvas": true, "discuss": true,
	"turn": true, "return": true, "burn": true, "learn": true, "earn": true, "concern": true, "govern": true,
	"warn": true, "mourn": true, "urn": true, "iron": true, "carton": true, "button": true, "pilot": true,
	"spot": true, "plot": true, "riot": true, "boycott": true, "ballot": true, "allot": true,
	"happen ": true, "attack": true, "block": true, "shock": true, "lock": true, "look": true, "book": true,
	"cook": true, "hook": true, "walk": true, "talk": true, "work": true, "park": true, "mark": true,
	"ask": true, "remark": true, "embark": true, "spark": true, "bark": true, "thank": true, "rank": true,
	"sink": true, "link": true, "think": true, "drink": true, "blink": true, "shrink": true, "wink": true,
	"appear": true, "clear": true, "fear": true, "hear": true, "near": true, "wear": true, "tear": true,
	"bear": true, "swear": true, "gear": true, "rear": true, "steer": true, "cheer": true, "peer": true,
	"volunteer": true, "engineer": true, "pioneer": true, "offer": true, "differ": true, "suffer": true,
	"order": true, "border": true, "murder": true, "wonder": true, "consider": true, "gather": true,
	"shutter": true, "alter": true, "enter": true, "register": true, "deliver": true, "cover": true,
	"discover": true, "recover": true, "hover": true, "answer": true, "counter": true, "encounter": true,
	"filter": true, "shelter": true, "master": true, "foster": true, "bolster": true, "render": true,
	"surrender": true, "tender": true, "hinder": true, "remember": true, "number": true, "lower": true,
	"power": true, "tower": true, "empower": true, "flower": true, "shower": true, "water": true,
	"matter": true, "scatter": true, "batter": true, "flatter": true, "shatter": true, "utter": true,
	"mutter": true, "clutter": true, "stagger": true, "trigger": true, "linger": true, "anger": true,
	"endanger": true, "whisper": true, "prosper": true, "hamper": true, "tamper": true, "pamper": true,
	"occur": true, "prefer": true, "refer": true, "transfer": true, "defer": true, "confer": true,
	"infer": true, "deter": true, "blur": true, "stir": true, "incur": true, "recur": true, "concur": true,
	"sing": true, "bring": true, "ring": true, "spring": true, "swing": true, "sting": true, "string": true,
	"belong": true, "long": true, "prolong": true, "bang": true, "hang": true, "ping": true, "wing": true,
	"rig": true, "dig": true, "big": true, "flag": true, "tag": true, "lag": true, "drag": true, "brag": true,
	"nag": true, "wag": true, "bag": true, "plug": true, "hug": true, "shrug": true, "drug": true,
	"add": true, "pad": true, "nod": true, "plod": true, "prod": true, "head": true, "lead": true,
	"plead": true, "read": true, "spread": true, "tread": true, "load": true, "upload": true, "download": true,
	"need": true, "heed": true, "feed": true, "seed": true, "speed": true, "proceed": true, "succeed": true,
	"exceed": true, "bleed": true, "avoid": true, "raid": true, "aid": true, "paid": true, "braid": true,
	"fold": true, "hold": true, "mold": true, "scold": true, "unfold": true, "build": true, "yield": true,
	"field": true, "shield": true, "wield": true, "end": true, "send": true, "spend": true, "tend": true,
	"lend": true, "bend": true, "depend": true, "defend": true, "attend": true, "extend": true,
	"intend": true, "pretend": true, "recommend": true, "suspend": true, "amend": true, "mend": true,
	"fund": true, "refund": true, "found": true, "ground": true, "sound": true, "surround": true,
	"wound": true, "bound": true, "compound": true, "expound": true, "pound": true, "round": true,
	"shout": true, "doubt": true, "sprout": true, "scout": true, "tout": true, "pout": true, "flout": true,
	"cut": true, "shut": true, "put": true, "strut": true, "gut": true, "nut": true, "jut": true,
	"repeat": true, "treat": true, "heat": true, "beat": true, "defeat": true, "cheat": true, "seat": true,
	"eat": true, "bloat": true, "float": true, "boat": true, "coat": true, "gloat": true, "wait": true,
	"await": true, "bait": true, "chat": true, "combat": true, "pat": true, "spat": true,
	"deport": true, "report": true, "support": true, "import": true, "export": true, "transport": true,
	"hunt": true, "want": true, "grant": true, "plant": true, "count": true, "mount": true, "account": true,
	"ban": true, "plan": true, "scan": true, "span": true, "fan": true, "man": true, "tan": true,
	"kidnap": true, "wrap": true, "trap": true, "snap": true, "slap": true, "clap": true, "tap": true,
	"map": true, "cap": true, "gap": true, "lap": true, "flap": true, "strap": true, "zap": true,
	"ship": true, "slip": true, "trip": true, "drip": true, "grip": true, "equip": true, "flip": true,
	"strip": true, "tip": true, "whip": true, "clip": true, "dip": true, "chip": true, "skip": true,
	"develop": true, "envelop": true, "gossip": true, "worship": true, "stop": true, "drop": true,
	"shop": true, "crop": true, "pop": true, "swap": true, "flop": true, "hop": true, "prop": true,
	"chop": true, "mop": true, "top": true, "plop": true, "claim": true, "aim": true, "seem": true,
	"deem": true, "redeem": true, "esteem": true, "stem": true, "perform": true, "form": true,
	"inform": true, "reform": true, "transform": true, "conform": true, "storm": true, "warm": true,
	"harm": true, "arm": true, "alarm": true, "disarm": true, "charm": true, "farm": true, "confirm": true,
	"affirm": true, "film": true, "slam": true, "jam": true, "ram": true, "cram": true, "dam": true,
	"trim": true, "swim": true, "slim": true, "dim": true, "skim": true, "hum": true, "sum": true,
	"drum": true, "welcome": true, "come": true, "become": true, "overcome": true, "boom": true,
	"loom": true, "zoom": true, "bloom": true, "doom": true, "groom": true, "process": true, "access": true,
	"assess": true, "address": true, "stress": true, "press": true, "express": true, "impress": true,
	"suppress": true, "oppress": true, "confess": true, "possess": true, "progress": true, "pass": true,
	"surpass": true, "amass": true, "harass": true, "embarrass": true, "kiss": true, "miss": true,
	"dismiss": true, "hiss": true, "boss": true, "toss": true, "cross": true, "gross": true,
	"fuss": true, "cuss": true, "trespass": true,
	"struggle": false, "police": false, "house": false,
}

// Verb returns the base form of the verb word tagged tag (VB, VBD, VBG,
// VBN, VBP, VBZ, or MD). Other tags return the word lower-cased.
func Verb(word, tag string) string {
	w := strings.ToLower(strings.ReplaceAll(word, "’", "'"))
	if base, ok := irregular[w]; ok {
		if !(tag == "VB" || tag == "VBP") || w == "am" || w == "are" || w == "is" {
			return base
		}
	}
	switch tag {
	case "VBD", "VBN":
		return stem(w, "ed")
	case "VBG":
		return stem(w, "ing")
	case "VBZ":
		return stemS(w)
	}
	return w
}

func stemS(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "oes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

func stem(w, suffix string) string {
	if !strings.HasSuffix(w, suffix) || len(w) <= len(suffix)+1 {
		return w
	}
	s := w[:len(w)-len(suffix)]
	if suffix == "ed" && strings.HasSuffix(s, "i") && len(s) > 2 {
		return s[:len(s)-1] + "y" // carried -> carry
	}
	if suffix == "ing" && strings.HasSuffix(s, "y") {
		return s // carrying -> carry
	}
	if suffix == "ed" && strings.HasSuffix(w, "eed") {
		return w[:len(w)-1] // agreed -> agree; need/heed caught by noE
	}
	if suffix == "ed" && len(w) == 4 && strings.HasSuffix(w, "ied") {
		return w[:3] // died -> die
	}
	if monosyllableCVC(s) {
		return s + "e" // hoped -> hope; hopped was undoubled above
	}
	if known, ok := noE[s]; ok {
		if known {
			return s
		}
		return s + "e"
	}
	if len(s) >= 3 && !monosyllableCVC(s) {
		a, b := s[len(s)-1], s[len(s)-2]
		if a == b && !strings.ContainsRune("lsz", rune(a)) && !isVowel(a) {
			if undoubled := s[:len(s)-1]; noE[undoubled] {
				return undoubled
			}
			return s[:len(s)-1] // stopped -> stop
		}
	}
	if strings.HasSuffix(s, "e") || strings.HasSuffix(s, "y") && suffix == "ed" {
		return s
	}
	if needsE(s) {
		return s + "e"
	}
	return s
}

func needsE(s string) bool {
	// A vowel pair before the last consonant takes no "e" ("claim",
	// "need"), except a few ("leave" is irregular anyway).
	n := len(s)
	if n >= 3 && isVowel(s[n-2]) && isVowel(s[n-3]) && s[n-2] != 'u' || n >= 3 && s[n-3] == 'q' {
		return strings.HasSuffix(s, "uir") || strings.HasSuffix(s, "ais") || strings.HasSuffix(s, "uis") ||
			strings.HasSuffix(s, "aus") || strings.HasSuffix(s, "ous") || strings.HasSuffix(s, "oic") ||
			strings.HasSuffix(s, "aiv") || strings.HasSuffix(s, "eez") || strings.HasSuffix(s, "iat") || strings.HasSuffix(s, "eat") || strings.HasSuffix(s, "ceiv") || strings.HasSuffix(s, "uot") ||
			strings.HasSuffix(s, "ieg") || strings.HasSuffix(s, "eiz") || strings.HasSuffix(s, "ooz") ||
			strings.HasSuffix(s, "eas") || strings.HasSuffix(s, "iev") || strings.HasSuffix(s, "eav") ||
			strings.HasSuffix(s, "uad") || strings.HasSuffix(s, "uat")
	}
	if n >= 2 && !isVowel(s[n-1]) && !isVowel(s[n-2]) {
		// Consonant clusters: "change", "force", "charge", "solve".
		for _, end := range []string{"ng", "nc", "rc", "rg", "dg", "lv", "rv", "ps", "ls", "rs", "ns", "bl", "pl", "tl", "gl", "dl", "kl", "cl", "fl", "zl", "rb", "rd", "rt"} {
			if strings.HasSuffix(s, end) {
				switch end {
				case "ng":
					return strings.HasSuffix(s, "ang") || strings.HasSuffix(s, "ing") || strings.HasSuffix(s, "ung")
				case "rd", "rt", "rb":
					return false
				}
				return true
			}
		}
		return false
	}
	if n >= 2 && !isVowel(s[n-1]) && isVowel(s[n-2]) {
		switch s[n-1] {
		case 'w', 'x', 'y':
			return false
		}
		if s[n-1] == 'v' || s[n-1] == 'z' || s[n-1] == 'c' {
			return true
		}
		// Vowel + consonant at the end of a stem: "state", "hope",
		// "define", "use" take an e back; "visit", "open" are in noE.
		return true
	}
	return s[n-1] == 'v' || s[n-1] == 'u'
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// monosyllableCVC reports whether s is one syllable ending in a single
// vowel and a single consonant ("hop", "vot", "nam"): such a stem only
// comes from a base with a silent e, since the bare form would have doubled
// its consonant.
func monosyllableCVC(s string) bool {
	n := len(s)
	if n < 2 || isVowel(s[n-1]) || strings.IndexByte("wxy", s[n-1]) >= 0 || !isVowel(s[n-2]) {
		return false
	}
	if n >= 3 && isVowel(s[n-3]) {
		return false
	}
	for i := 0; i < n-2; i++ {
		if isVowel(s[i]) {
			return false
		}
	}
	return true
}
