namespace ClipHost.Engine.Data.Sources;

/// <summary>One drawing of an iconify set: its name, the names it also answers to (the set's plain aliases), and a whole SVG document.</summary>
internal sealed record IconifyIcon(string Slug, IReadOnlyList<string> Names, string Svg);
