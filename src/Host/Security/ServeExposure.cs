using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ClipHost.Host.Options;

namespace ClipHost.Host.Security;

/// <summary>
/// Where the service really listens, read from Kestrel after it bound (Kestrel's own endpoint settings override
/// Serve:Urls), and what follows from it: whether credentials are needed and which Host headers are ours. Until the
/// addresses are known every request is refused, so no request is ever judged by a guess. "unix:" sockets and
/// wildcards count as beyond loopback.
/// </summary>
public sealed class ServeExposure(ServeOptions options)
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];
    private volatile State? _state;

    public bool Known => _state is not null;

    /// <summary>The addresses Kestrel reported after binding.</summary>
    public IReadOnlyList<string> Addresses => _state?.Addresses ?? [];

    /// <summary>True when any bound address is reachable from another machine; false only when all are loopback.</summary>
    public bool BeyondLoopback => _state?.BeyondLoopback ?? true;

    public void Bound(IReadOnlyCollection<string> addresses)
    {
        var beyond = addresses.Count == 0 || addresses.Any(a => !ServeOptions.IsLoopback(a));
        var hosts = new HashSet<string>(LoopbackHosts, StringComparer.OrdinalIgnoreCase);
        var any = false;
        foreach (var host in options.AllowedHostList)
        {
            any |= host == "*";
            hosts.Add(host.TrimEnd('.'));
        }
        foreach (var address in addresses)
        {
            AddServedNames(address, hosts);
        }
        _state = new State([.. addresses], beyond, hosts, any);
    }

    /// <summary>Whether a request's Host header (port stripped) names this service, which defeats DNS rebinding.</summary>
    public bool IsAllowedHost(HostString host)
    {
        var state = _state;
        if (state is null || !host.HasValue)
        {
            return false;
        }
        return state.AnyHost || state.Hosts.Contains(host.Host.TrimEnd('.'));
    }

    private static void AddServedNames(string address, HashSet<string> hosts)
    {
        if (!ServeOptions.TryParse(address, out var uri))
        {
            return;
        }
        if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip))
        {
            // A host name Kestrel was told to listen on: requests will name it.
            if (uri.Host != "wildcard")
            {
                hosts.Add(uri.Host);
                return;
            }
            ip = IPAddress.IPv6Any;
        }
        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            // Bound to every interface: every address of this machine and its names are ours.
            hosts.Add(Dns.GetHostName());
            foreach (var unicast in NetworkInterface.GetAllNetworkInterfaces().SelectMany(i => i.GetIPProperties().UnicastAddresses))
            {
                hosts.Add(HostOf(unicast.Address));
            }
            return;
        }
        hosts.Add(HostOf(ip));
    }

    private static string HostOf(IPAddress ip) =>
        ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{new IPAddress(ip.GetAddressBytes())}]" : ip.ToString();

    private sealed record State(IReadOnlyList<string> Addresses, bool BeyondLoopback, HashSet<string> Hosts, bool AnyHost);
}
