using System.Globalization;

namespace ClipHost.Engine.Data.Sources;

/// <summary>
/// An unpacked npm @iconify-json/* package: icons.json's icons made whole SVG documents (the body in an svg element
/// whose viewBox is the icon's left/top/width/height, else the set's, else iconify's 16), chars.json's code points
/// by name, and info.json's licence. A plain alias is another name of its icon; an alias that flips or turns its
/// parent (Fluent's right hand is its left hand mirrored) is a drawing of its own.
/// </summary>
internal sealed class IconifySet
{
    private const double IconifyDefaultSize = 16;

    private IconifySet(string licence, IReadOnlyList<IconifyIcon> icons, IReadOnlyDictionary<string, string> codePoints)
    {
        Licence = licence;
        Icons = icons;
        CodePoints = codePoints;
    }

    /// <summary>The set's licence as info.json gives it (an SPDX id where it has one).</summary>
    public string Licence { get; }

    /// <summary>Every drawing, by name in ordinal order.</summary>
    public IReadOnlyList<IconifyIcon> Icons { get; }

    /// <summary>Name to code point (lower-case hex, dash-joined) from chars.json; empty where the set maps none.</summary>
    public IReadOnlyDictionary<string, string> CodePoints { get; }

    /// <summary>The package files a set needs, to unpack nothing else.</summary>
    public static bool Keep(string path) => path is "icons.json" or "chars.json" or "info.json";

    /// <summary>Reads the set in <paramref name="folder"/>; chars.json is read from <paramref name="codePointsFolder"/> when given.</summary>
    public static IconifySet Load(string folder, string? codePointsFolder = null)
    {
        var icons = Read<IconsFile>(Path.Combine(folder, "icons.json"));
        var info = Read<InfoFile>(Path.Combine(folder, "info.json"));
        var chars = Read<Dictionary<string, string>>(Path.Combine(codePointsFolder ?? folder, "chars.json"));
        var codePoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (codePoint, name) in chars.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            codePoints.TryAdd(name, codePoint);
        }
        var licence = info.License?.Spdx ?? info.License?.Title ?? "unknown (info.json names none)";
        return new IconifySet(licence, Drawings(icons), codePoints);
    }

    private static List<IconifyIcon> Drawings(IconsFile file)
    {
        var names = file.Icons.Keys.ToDictionary(k => k, k => new List<string> { k }, StringComparer.Ordinal);
        var drawings = new List<(string Slug, Icon Icon, Transform Transform)>();
        foreach (var name in file.Icons.Keys)
        {
            drawings.Add((name, file.Icons[name], default));
        }
        foreach (var (alias, _) in file.Aliases ?? [])
        {
            if (Resolve(file, alias) is not var (parent, transform))
            {
                continue;
            }
            if (transform.IsIdentity)
            {
                names[parent].Add(alias);
            }
            else
            {
                drawings.Add((alias, file.Icons[parent], transform));
            }
        }
        return [.. drawings
            .OrderBy(d => d.Slug, StringComparer.Ordinal)
            .Select(d => new IconifyIcon(d.Slug, names.TryGetValue(d.Slug, out var n) ? n : [d.Slug], Document(file, d.Icon, d.Transform)))];
    }

    /// <summary>The icon an alias ends at and the flips and turns on the way; null for a dangling or circular alias.</summary>
    private static (string Parent, Transform Transform)? Resolve(IconsFile file, string alias)
    {
        var transform = default(Transform);
        var name = alias;
        for (var depth = 0; depth < 8; depth++)
        {
            if (file.Icons.ContainsKey(name))
            {
                return (name, transform);
            }
            if (file.Aliases?.GetValueOrDefault(name) is not { } next)
            {
                return null;
            }
            transform = new Transform(transform.HFlip ^ next.HFlip, transform.VFlip ^ next.VFlip, (transform.Rotate + next.Rotate) % 4);
            name = next.Parent;
        }
        return null;
    }

    private static string Document(IconsFile file, Icon icon, Transform transform)
    {
        var (left, top) = (icon.Left ?? file.Left ?? 0, icon.Top ?? file.Top ?? 0);
        var (width, height) = (icon.Width ?? file.Width ?? IconifyDefaultSize, icon.Height ?? file.Height ?? IconifyDefaultSize);
        var body = icon.Body;
        if (!transform.IsIdentity)
        {
            var (cx, cy) = (left + width / 2, top + height / 2);
            var scale = $"translate({N(cx)} {N(cy)}) scale({(transform.HFlip ? -1 : 1)} {(transform.VFlip ? -1 : 1)}) rotate({transform.Rotate * 90}) translate({N(-cx)} {N(-cy)})";
            body = $"<g transform=\"{scale}\">{body}</g>";
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
            + $"width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"{N(left)} {N(top)} {N(width)} {N(height)}\">{body}</svg>";
    }

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static T Read<T>(string path) => JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no JSON object");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly record struct Transform(bool HFlip, bool VFlip, int Rotate)
    {
        public bool IsIdentity => !HFlip && !VFlip && Rotate == 0;
    }

    private sealed record IconsFile(Dictionary<string, Icon> Icons, Dictionary<string, Alias>? Aliases, double? Width, double? Height, double? Left, double? Top);

    private sealed record Icon(string Body, double? Width, double? Height, double? Left, double? Top);

    private sealed record Alias(string Parent, bool HFlip, bool VFlip, int Rotate);

    private sealed record InfoFile(LicenseInfo? License);

    private sealed record LicenseInfo(string? Title, string? Spdx);
}
