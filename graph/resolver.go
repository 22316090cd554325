package graph

//go:generate go tool gqlgen generate

// Resolver is the root resolver. Its fields are the services the resolvers
// call; the resolver bodies stay thin and the work lives in service.go.
type Resolver struct {
	svc *Service
}

// Service returns the service behind the resolvers, for callers outside
// HTTP (the loader command).
func (r *Resolver) Service() *Service { return r.svc }
