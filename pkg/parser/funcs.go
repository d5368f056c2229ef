package parser

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"net"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/hashicorp/go-cty-funcs/collection"
	"github.com/hashicorp/go-cty-funcs/encoding"
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"

	"github.com/tflint-hipaa/tflint-hipaa/internal/nesting"
)

// unknownFunc stands for functions whose result cannot or must not be
// computed statically (timestamp, uuid, bcrypt, ones we do not implement).
var unknownFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "args", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true},
	Type:     function.StaticReturnType(cty.DynamicPseudoType),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		return cty.DynamicVal, nil
	},
})

var identityFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowNull: true, AllowUnknown: true, AllowDynamicType: true, AllowMarked: true}},
	Type:   func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl:   func(args []cty.Value, retType cty.Type) (cty.Value, error) { return args[0], nil },
})

var (
	baseFuncsOnce sync.Once
	baseFuncs     map[string]function.Function
)

func stdFuncs() map[string]function.Function {
	baseFuncsOnce.Do(func() {
		baseFuncs = map[string]function.Function{
			"abs": stdlib.AbsoluteFunc, "ceil": stdlib.CeilFunc, "chomp": stdlib.ChompFunc,
			"coalesce": collection.CoalesceFunc, "coalescelist": stdlib.CoalesceListFunc,
			"compact": stdlib.CompactFunc, "concat": stdlib.ConcatFunc, "contains": stdlib.ContainsFunc,
			"csvdecode": stdlib.CSVDecodeFunc, "distinct": stdlib.DistinctFunc, "element": stdlib.ElementFunc,
			"flatten": stdlib.FlattenFunc, "floor": stdlib.FloorFunc, "format": stdlib.FormatFunc,
			"formatdate": stdlib.FormatDateFunc, "formatlist": stdlib.FormatListFunc, "indent": stdlib.IndentFunc,
			"join": stdlib.JoinFunc, "jsondecode": stdlib.JSONDecodeFunc, "jsonencode": stdlib.JSONEncodeFunc,
			"keys": stdlib.KeysFunc, "length": lengthFunc, "log": stdlib.LogFunc, "lookup": stdlib.LookupFunc,
			"lower": stdlib.LowerFunc, "max": stdlib.MaxFunc, "merge": stdlib.MergeFunc, "min": stdlib.MinFunc,
			"parseint": stdlib.ParseIntFunc, "pow": stdlib.PowFunc, "range": stdlib.RangeFunc,
			"regex": stdlib.RegexFunc, "regexall": stdlib.RegexAllFunc, "replace": replaceFunc,
			"reverse": stdlib.ReverseListFunc, "setintersection": stdlib.SetIntersectionFunc,
			"setproduct": stdlib.SetProductFunc, "setsubtract": stdlib.SetSubtractFunc,
			"setunion": stdlib.SetUnionFunc, "signum": stdlib.SignumFunc, "slice": stdlib.SliceFunc,
			"sort": stdlib.SortFunc, "split": stdlib.SplitFunc, "strrev": stdlib.ReverseFunc,
			"substr": stdlib.SubstrFunc, "timeadd": stdlib.TimeAddFunc, "title": stdlib.TitleFunc,
			"trim": stdlib.TrimFunc, "trimprefix": stdlib.TrimPrefixFunc, "trimsuffix": stdlib.TrimSuffixFunc,
			"trimspace": stdlib.TrimSpaceFunc, "upper": stdlib.UpperFunc, "values": stdlib.ValuesFunc,
			"zipmap": stdlib.ZipmapFunc, "chunklist": stdlib.ChunklistFunc,
			"tostring": stdlib.MakeToFunc(cty.String), "tonumber": stdlib.MakeToFunc(cty.Number),
			"tobool": stdlib.MakeToFunc(cty.Bool), "tolist": stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
			"toset": stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)), "tomap": stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
			"try": tryfunc.TryFunc, "can": tryfunc.CanFunc,
			"one": oneFunc, "sum": sumFunc, "alltrue": allTrueFunc, "anytrue": anyTrueFunc,
			"startswith": startsWithFunc, "endswith": endsWithFunc, "strcontains": strContainsFunc,
			"transpose": transposeFunc, "index": indexFunc, "matchkeys": matchKeysFunc,
			"base64encode": encoding.Base64EncodeFunc, "base64decode": encoding.Base64DecodeFunc,
			"urlencode": encoding.URLEncodeFunc,
			"cidrhost":  cidrHostFunc, "cidrnetmask": cidrNetmaskFunc, "cidrsubnet": cidrSubnetFunc, "cidrsubnets": cidrSubnetsFunc,
			"md5":       hashFunc(func(b []byte) []byte { s := md5.Sum(b); return s[:] }),
			"sha1":      hashFunc(func(b []byte) []byte { s := sha1.Sum(b); return s[:] }),
			"sha256":    hashFunc(func(b []byte) []byte { s := sha256.Sum256(b); return s[:] }),
			"sha512":    hashFunc(func(b []byte) []byte { s := sha512.Sum512(b); return s[:] }),
			"basename":  strFunc(func(s string) string { return path.Base(filepath.ToSlash(s)) }),
			"dirname":   strFunc(func(s string) string { return path.Dir(filepath.ToSlash(s)) }),
			"sensitive": identityFunc, "nonsensitive": identityFunc, "ephemeralasnull": identityFunc,
			"timestamp": unknownFunc, "plantimestamp": unknownFunc, "uuid": unknownFunc, "uuidv5": unknownFunc,
			"bcrypt": unknownFunc, "rsadecrypt": unknownFunc,
			"yamldecode": yamlDecodeFunc,
		}
	})
	return baseFuncs
}

// functions returns the function table of a module: the shared pure
// functions plus file functions confined to the root and module trees.
func (re *rootEval) functions(mod *module) map[string]function.Function {
	if f, ok := re.funcs[mod.dir]; ok {
		return f
	}
	base := stdFuncs()
	f := make(map[string]function.Function, len(base)+8)
	for k, v := range base {
		f[k] = v
	}
	fs := &fileAccess{base: re.rootDir, allowed: []string{re.rootDir, mod.dir}}
	f["file"] = fs.fileFunc(false)
	f["filebase64"] = fs.fileFunc(true)
	f["fileexists"] = fs.existsFunc()
	f["abspath"] = fs.absFunc()
	f["templatefile"] = fs.templateFunc(f)
	re.funcs[mod.dir] = f
	return f
}

var lengthFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "value", Type: cty.DynamicPseudoType, AllowDynamicType: true, AllowUnknown: true}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v := args[0]
		if v.Type() == cty.String {
			return stdlib.Strlen(v)
		}
		return stdlib.Length(v)
	},
})

var replaceFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "substr", Type: cty.String}, {Name: "replace", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		sub := args[1].AsString()
		if len(sub) > 1 && sub[0] == '/' && sub[len(sub)-1] == '/' {
			re, err := regexp.Compile(sub[1 : len(sub)-1])
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			return cty.StringVal(re.ReplaceAllString(args[0].AsString(), args[2].AsString())), nil
		}
		return cty.StringVal(strings.ReplaceAll(args[0].AsString(), sub, args[2].AsString())), nil
	},
})

var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType():
			if n := len(ty.TupleElementTypes()); n == 1 {
				return ty.TupleElementTypes()[0], nil
			}
			return cty.DynamicPseudoType, nil
		}
		return cty.NilType, fmt.Errorf("one needs a list, set or tuple")
	},
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v := args[0]
		if v.IsNull() {
			return cty.NullVal(retType), nil
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(retType), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NilVal, fmt.Errorf("must be a list, set or tuple value with either zero or one elements")
	},
})

var sumFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		v := args[0]
		if !v.CanIterateElements() || v.LengthInt() == 0 {
			return cty.NilVal, fmt.Errorf("sum needs a non-empty collection")
		}
		total := new(big.Float)
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n, err := convert.Convert(e, cty.Number)
			if err != nil || n.IsNull() {
				return cty.NilVal, fmt.Errorf("sum needs numbers")
			}
			total.Add(total, n.AsBigFloat())
		}
		return cty.NumberVal(total), nil
	},
})

func boolsFunc(all bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			for it := args[0].ElementIterator(); it.Next(); {
				_, e := it.Element()
				if !e.IsKnown() {
					return cty.UnknownVal(cty.Bool), nil
				}
				b := !e.IsNull() && e.True()
				if all && !b {
					return cty.False, nil
				}
				if !all && b {
					return cty.True, nil
				}
			}
			return cty.BoolVal(all), nil
		},
	})
}

var (
	allTrueFunc = boolsFunc(true)
	anyTrueFunc = boolsFunc(false)
)

func strPredFunc(pred func(s, sub string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}, {Name: "sub", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			return cty.BoolVal(pred(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

var (
	startsWithFunc  = strPredFunc(strings.HasPrefix)
	endsWithFunc    = strPredFunc(strings.HasSuffix)
	strContainsFunc = strPredFunc(strings.Contains)
)

var transposeFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:   function.StaticReturnType(cty.Map(cty.List(cty.String))),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		out := map[string][]cty.Value{}
		for it := args[0].ElementIterator(); it.Next(); {
			k, list := it.Element()
			if list.IsNull() {
				continue
			}
			for lit := list.ElementIterator(); lit.Next(); {
				_, e := lit.Element()
				if e.IsNull() {
					continue
				}
				out[e.AsString()] = append(out[e.AsString()], k)
			}
		}
		if len(out) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		m := make(map[string]cty.Value, len(out))
		for k, vs := range out {
			m[k] = cty.ListVal(vs)
		}
		return cty.MapVal(m), nil
	},
})

var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}, {Name: "value", Type: cty.DynamicPseudoType}},
	Type:   function.StaticReturnType(cty.Number),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		list := args[0]
		if !(list.Type().IsListType() || list.Type().IsTupleType()) {
			return cty.NilVal, fmt.Errorf("index needs a list")
		}
		for it := list.ElementIterator(); it.Next(); {
			i, e := it.Element()
			eq, err := stdlib.Equal(e, args[1])
			if err != nil {
				return cty.NilVal, err
			}
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, fmt.Errorf("item not found")
	},
})

var matchKeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		values, keys, search := args[0], args[1], args[2]
		if values.LengthInt() != keys.LengthInt() {
			return cty.NilVal, fmt.Errorf("length of keys and values should be equal")
		}
		var out []cty.Value
		vs := values.AsValueSlice()
		i := 0
		for it := keys.ElementIterator(); it.Next(); i++ {
			_, k := it.Element()
			for sit := search.ElementIterator(); sit.Next(); {
				_, s := sit.Element()
				if eq, err := stdlib.Equal(k, s); err == nil && eq.IsKnown() && eq.True() {
					out = append(out, vs[i])
					break
				}
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(retType.ElementType()), nil
		}
		return cty.ListVal(out), nil
	},
})

func hashFunc(h func([]byte) []byte) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			return cty.StringVal(hex.EncodeToString(h([]byte(args[0].AsString())))), nil
		},
	})
}

func strFunc(f func(string) string) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "str", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			return cty.StringVal(f(args[0].AsString())), nil
		},
	})
}

// --- CIDR functions (Terraform semantics, standard library only) ---

func parseCIDR(s string) (*net.IPNet, error) {
	_, n, err := net.ParseCIDR(s)
	return n, err
}

func ipToInt(ip net.IP) *big.Int { return new(big.Int).SetBytes(ip) }

func intToIP(n *big.Int, size int) net.IP {
	b := n.Bytes()
	if len(b) > size {
		b = b[len(b)-size:]
	}
	ip := make(net.IP, size)
	copy(ip[size-len(b):], b)
	return ip
}

func normIP(n *net.IPNet) net.IP {
	if v4 := n.IP.To4(); v4 != nil {
		return v4
	}
	return n.IP
}

func subnet(base *net.IPNet, newbits int, num *big.Int) (*net.IPNet, error) {
	ip := normIP(base)
	ones, bits := base.Mask.Size()
	if newbits < 0 || ones+newbits > bits {
		return nil, fmt.Errorf("insufficient address space to extend prefix of %d by %d", ones, newbits)
	}
	if num.Sign() < 0 || num.BitLen() > newbits {
		return nil, fmt.Errorf("prefix extension of %d does not accommodate a subnet numbered %s", newbits, num)
	}
	n := ipToInt(ip)
	shifted := new(big.Int).Lsh(num, uint(bits-ones-newbits))
	n.Or(n, shifted)
	return &net.IPNet{IP: intToIP(n, len(ip)), Mask: net.CIDRMask(ones+newbits, bits)}, nil
}

var cidrSubnetFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "newbits", Type: cty.Number}, {Name: "netnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		base, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		nb, _ := args[1].AsBigFloat().Int64()
		num, _ := args[2].AsBigFloat().Int(nil)
		sn, err := subnet(base, int(nb), num)
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		return cty.StringVal(sn.String()), nil
	},
})

var cidrSubnetsFunc = function.New(&function.Spec{
	Params:   []function.Parameter{{Name: "prefix", Type: cty.String}},
	VarParam: &function.Parameter{Name: "newbits", Type: cty.Number},
	Type:     function.StaticReturnType(cty.List(cty.String)),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		base, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(retType), err
		}
		ones, bits := base.Mask.Size()
		if len(args) == 1 {
			return cty.ListValEmpty(cty.String), nil
		}
		next := ipToInt(normIP(base))
		end := new(big.Int).Add(ipToInt(normIP(base)), new(big.Int).Lsh(big.NewInt(1), uint(bits-ones)))
		size := len(normIP(base))
		out := make([]cty.Value, 0, len(args)-1)
		for _, a := range args[1:] {
			nb, _ := a.AsBigFloat().Int64()
			plen := ones + int(nb)
			if nb < 1 || plen > bits {
				return cty.UnknownVal(retType), fmt.Errorf("invalid newbits %d", nb)
			}
			step := new(big.Int).Lsh(big.NewInt(1), uint(bits-plen))
			// Align up to the subnet size.
			rem := new(big.Int).Mod(next, step)
			if rem.Sign() != 0 {
				next.Add(next, new(big.Int).Sub(step, rem))
			}
			if new(big.Int).Add(next, step).Cmp(end) > 0 {
				return cty.UnknownVal(retType), fmt.Errorf("not enough remaining address space")
			}
			sn := &net.IPNet{IP: intToIP(next, size), Mask: net.CIDRMask(plen, bits)}
			out = append(out, cty.StringVal(sn.String()))
			next = new(big.Int).Add(next, step)
		}
		return cty.ListVal(out), nil
	},
})

var cidrHostFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}, {Name: "hostnum", Type: cty.Number}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		base, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		ip := normIP(base)
		ones, bits := base.Mask.Size()
		host, _ := args[1].AsBigFloat().Int(nil)
		space := new(big.Int).Lsh(big.NewInt(1), uint(bits-ones))
		if host.Sign() < 0 {
			host.Add(host, space)
		}
		if host.Sign() < 0 || host.Cmp(space) >= 0 {
			return cty.UnknownVal(cty.String), fmt.Errorf("prefix of %d does not accommodate a host numbered %s", ones, args[1].AsBigFloat().String())
		}
		n := ipToInt(ip)
		n.Add(n, host)
		return cty.StringVal(intToIP(n, len(ip)).String()), nil
	},
})

var cidrNetmaskFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "prefix", Type: cty.String}},
	Type:   function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
		base, err := parseCIDR(args[0].AsString())
		if err != nil {
			return cty.UnknownVal(cty.String), err
		}
		if len(base.Mask) != net.IPv4len {
			return cty.UnknownVal(cty.String), fmt.Errorf("only IPv4 networks have a netmask")
		}
		return cty.StringVal(net.IP(base.Mask).String()), nil
	},
})

// --- file functions, confined to the root and module directory trees ---

type fileAccess struct {
	base    string // relative paths resolve here (Terraform's working directory)
	allowed []string
}

const maxReadFile = 4 << 20

// resolve returns the real path of a file the configuration may read.
func (fa *fileAccess) resolve(p string) (string, error) {
	if !filepath.IsAbs(p) {
		p = filepath.Join(fa.base, filepath.FromSlash(p))
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	for _, dir := range fa.allowed {
		if real == dir || strings.HasPrefix(real, dir+string(filepath.Separator)) {
			return real, nil
		}
	}
	return "", fmt.Errorf("%s is outside the module tree", p)
}

func (fa *fileAccess) read(p string) ([]byte, error) {
	real, err := fa.resolve(p)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(real)
	if err != nil {
		return nil, err
	}
	// Only regular files: reading a FIFO or device could block forever.
	if !info.Mode().IsRegular() || info.Size() > maxReadFile {
		return nil, fmt.Errorf("%s is not a readable file", p)
	}
	return os.ReadFile(real)
}

func (fa *fileAccess) fileFunc(b64 bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			data, err := fa.read(args[0].AsString())
			if err != nil {
				return cty.UnknownVal(cty.String), err
			}
			if b64 {
				return cty.StringVal(base64.StdEncoding.EncodeToString(data)), nil
			}
			return cty.StringVal(string(data)), nil
		},
	})
}

func (fa *fileAccess) existsFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.Bool),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			real, err := fa.resolve(args[0].AsString())
			if err != nil {
				if os.IsNotExist(err) {
					return cty.False, nil
				}
				return cty.UnknownVal(cty.Bool), nil
			}
			info, err := os.Stat(real)
			return cty.BoolVal(err == nil && info.Mode().IsRegular()), nil
		},
	})
}

func (fa *fileAccess) absFunc() function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}},
		Type:   function.StaticReturnType(cty.String),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			p := args[0].AsString()
			if !filepath.IsAbs(p) {
				p = filepath.Join(fa.base, filepath.FromSlash(p))
			}
			return cty.StringVal(filepath.ToSlash(filepath.Clean(p))), nil
		},
	})
}

func (fa *fileAccess) templateFunc(funcs map[string]function.Function) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{Name: "path", Type: cty.String}, {Name: "vars", Type: cty.DynamicPseudoType}},
		Type:   function.StaticReturnType(cty.DynamicPseudoType),
		Impl: func(args []cty.Value, retType cty.Type) (cty.Value, error) {
			data, err := fa.read(args[0].AsString())
			if err != nil {
				return cty.DynamicVal, err
			}
			if nesting.TooDeep(data) {
				return cty.DynamicVal, fmt.Errorf("template nests too deep")
			}
			expr, diags := hclsyntax.ParseTemplate(data, args[0].AsString(), hcl.InitialPos)
			if diags.HasErrors() {
				return cty.DynamicVal, diags
			}
			vars := args[1]
			if !vars.IsWhollyKnown() || vars.IsNull() || !(vars.Type().IsObjectType() || vars.Type().IsMapType()) {
				return cty.DynamicVal, nil
			}
			// templatefile may not call itself: drop it from the template's table.
			inner := make(map[string]function.Function, len(funcs))
			for k, v := range funcs {
				if k != "templatefile" {
					inner[k] = v
				}
			}
			ctx := &hcl.EvalContext{Variables: vars.AsValueMap(), Functions: inner}
			v, diags := expr.Value(ctx)
			if diags.HasErrors() {
				return cty.DynamicVal, nil
			}
			return v, nil
		},
	})
}
