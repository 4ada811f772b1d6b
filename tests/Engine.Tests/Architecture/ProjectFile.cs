using System.Xml.Linq;

namespace ClipHost.Engine.Tests.Architecture;

/// <summary>
/// One project as its files declare it: the projects and packages it references, including those a
/// Directory.Build.props above it adds (the plugins' props adds Abstractions and Modules to every plugin).
/// </summary>
public sealed record ProjectFile(
    string Name,
    string RelativePath,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> PackageReferences,
    IReadOnlyDictionary<string, string> Properties,
    IReadOnlyList<string> AdditionalFiles)
{
    /// <summary>Every .csproj under <paramref name="folders"/> of <paramref name="root"/>, build outputs left out.</summary>
    public static IReadOnlyList<ProjectFile> LoadAll(string root, params string[] folders) =>
        [.. folders
            .Select(f => Path.Combine(root, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.csproj", SearchOption.AllDirectories))
            .Where(p => !IsBuildOutput(root, p))
            .Order(StringComparer.Ordinal)
            .Select(p => Load(root, p))];

    public static ProjectFile Load(string root, string path)
    {
        // Directory.Build.props files between the project and the root: each of ours imports the one above it.
        var files = new List<string> { path };
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null && IsUnder(root, dir); dir = Path.GetDirectoryName(dir))
        {
            var props = Path.Combine(dir, "Directory.Build.props");
            if (File.Exists(props))
            {
                files.Add(props);
            }
        }
        var projects = new List<string>();
        var packages = new List<string>();
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var additional = new List<string>();
        foreach (var file in files)
        {
            var xml = XDocument.Load(file);
            var here = Path.GetDirectoryName(Path.GetFullPath(file))! + Path.DirectorySeparatorChar;
            foreach (var item in xml.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                var include = Include(item).Replace("$(MSBuildThisFileDirectory)", here, StringComparison.Ordinal);
                projects.Add(Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));
            }
            packages.AddRange(xml.Descendants().Where(e => e.Name.LocalName == "PackageReference").Select(Include));
            additional.AddRange(xml.Descendants().Where(e => e.Name.LocalName == "AdditionalFiles").Select(Include));
            if (file == path)
            {
                foreach (var property in xml.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup"))
                {
                    properties[property.Name.LocalName] = property.Value.Trim();
                }
            }
        }
        return new ProjectFile(
            Path.GetFileNameWithoutExtension(path),
            Path.GetRelativePath(root, path).Replace('\\', '/'),
            [.. projects.Distinct(StringComparer.Ordinal)],
            [.. packages.Distinct(StringComparer.Ordinal)],
            properties,
            additional);
    }

    private static string Include(XElement item) => (string?)item.Attribute("Include") ?? "";

    private static bool IsUnder(string root, string dir) =>
        (Path.GetFullPath(dir) + Path.DirectorySeparatorChar).StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static bool IsBuildOutput(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");
}
