//go:build unix

package anet

import (
	"context"
	"fmt"
	"net"
	"net/netip"

	"github.com/asyncgen/asyncgen/rt"
	"golang.org/x/sys/unix"
)

// endpoint is a resolved address: the socket family and the sockaddr.
type endpoint struct {
	family int
	sa     unix.Sockaddr
	addr   net.Addr
}

// resolve turns network and address into an endpoint: the first of
// resolveAll's.
//
// async
func resolve(network, address string) (endpoint, error) {
	eps, err := resolveAll(network, address)
	if err != nil {
		return endpoint{}, err
	}
	return eps[0], nil
}

// resolveAll turns network and address into endpoints, in the resolver's
// order; a host name is looked up on rt's thread pool with the standard
// resolver. There is at least one endpoint when the error is nil.
//
// async
func resolveAll(network, address string) ([]endpoint, error) {
	switch network {
	case "unix":
		return []endpoint{{unix.AF_UNIX, &unix.SockaddrUnix{Name: address}, &net.UnixAddr{Name: address, Net: "unix"}}}, nil
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, net.UnknownNetworkError(network)
	}
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	if _, perr := netip.ParseAddr(host); perr == nil || host == "" {
		ta, err := net.ResolveTCPAddr(network, address)
		if err != nil {
			return nil, err
		}
		ep, err := tcpEndpoint(network, ta)
		if err != nil {
			return nil, err
		}
		return []endpoint{ep}, nil
	}
	addrs, err := rt.ToThread(func() ([]*net.TCPAddr, error) {
		ips, err := net.DefaultResolver.LookupNetIP(context.Background(), ipNet(network), host)
		if err != nil {
			return nil, err
		}
		p, err := net.DefaultResolver.LookupPort(context.Background(), network, port)
		if err != nil {
			return nil, err
		}
		out := make([]*net.TCPAddr, len(ips))
		for i, ip := range ips {
			out[i] = &net.TCPAddr{IP: ip.Unmap().AsSlice(), Port: p}
		}
		return out, nil
	})
	if err != nil {
		return nil, err
	}
	var eps []endpoint
	for _, ta := range addrs {
		if ep, err := tcpEndpoint(network, ta); err == nil {
			eps = append(eps, ep)
		}
	}
	if len(eps) == 0 {
		return nil, &net.AddrError{Err: "no suitable address found", Addr: host}
	}
	return eps, nil
}

func ipNet(network string) string {
	switch network {
	case "tcp4":
		return "ip4"
	case "tcp6":
		return "ip6"
	}
	return "ip"
}

func tcpEndpoint(network string, ta *net.TCPAddr) (endpoint, error) {
	ip := ta.IP
	if ip4 := ip.To4(); ip4 != nil && network != "tcp6" {
		sa := &unix.SockaddrInet4{Port: ta.Port}
		copy(sa.Addr[:], ip4)
		return endpoint{unix.AF_INET, sa, ta}, nil
	}
	if ip == nil {
		ip = net.IPv6zero
	}
	if len(ip) != net.IPv6len {
		return endpoint{}, fmt.Errorf("anet: no IPv6 address for %v", ta)
	}
	sa := &unix.SockaddrInet6{Port: ta.Port}
	copy(sa.Addr[:], ip)
	return endpoint{unix.AF_INET6, sa, ta}, nil
}

// sockAddr converts a sockaddr to a net.Addr.
func sockAddr(sa unix.Sockaddr) net.Addr {
	switch sa := sa.(type) {
	case *unix.SockaddrInet4:
		return &net.TCPAddr{IP: net.IP(sa.Addr[:]).To16(), Port: sa.Port}
	case *unix.SockaddrInet6:
		return &net.TCPAddr{IP: net.IP(sa.Addr[:]), Port: sa.Port}
	case *unix.SockaddrUnix:
		return &net.UnixAddr{Name: sa.Name, Net: "unix"}
	}
	return nil
}
