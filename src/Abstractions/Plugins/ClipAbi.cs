namespace ClipHost.Abstractions.Plugins;

/// <summary>
/// The plugin ABI version. The host refuses a plugin built against a different major version,
/// and accepts one built against an older minor version of the same major.
/// </summary>
public static class ClipAbi
{
    /// <summary>Major version: bumped on any breaking change to the contracts in this assembly.</summary>
    public const int Major = 1;

    /// <summary>Minor version: bumped when members are added without breaking existing plugins.</summary>
    public const int Minor = 1;
}
