namespace ClipHost.Host.Commands;

/// <summary>Whether this process may install the packages a real source needs: the CLI may, the service never does.</summary>
public sealed record PackagePolicy(bool Installs);
