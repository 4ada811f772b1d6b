namespace ClipHost.Engine.Tests.Architecture;

/// <summary>
/// The project dependency rules of issue 15, checked on what the project files declare. Each violation names the
/// project file and the reference that breaks a rule.
/// </summary>
public static class DependencyRules
{
    public const string Abstractions = "ClipHost.Abstractions";
    public const string Modules = "ClipHost.Modules";
    public const string Engine = "ClipHost.Engine";
    public const string Reports = "ClipHost.Reports";
    public const string Packages = "ClipHost.Packages";
    public const string Host = "ClipHost.Host";

    /// <summary>Plotting and HTML belong to the reports project, not the engine.</summary>
    private static readonly string[] PresentationPackages = ["ScottPlot"];

    public static IReadOnlyList<string> Check(IReadOnlyList<ProjectFile> projects)
    {
        var byName = projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var violations = new List<string>();
        foreach (var project in projects)
        {
            violations.AddRange(project.Name switch
            {
                Abstractions => Only(project, [], "Abstractions depends on no project of ours"),
                Modules => Only(project, [Abstractions], "Modules may reference only Abstractions"),
                Engine => Never(project, byName, [Host, Reports, Packages], "the engine never reaches the host, reports or package installation"),
                Reports or Packages => Never(project, byName, [Host], "it sits below the host"),
                _ when project.RelativePath.StartsWith("plugins/", StringComparison.Ordinal) =>
                    Only(project, [Abstractions, Modules], "plugins reach only Abstractions and Modules"),
                _ => [],
            });
            if (project.Name == Engine)
            {
                violations.AddRange(project.PackageReferences.Intersect(PresentationPackages, StringComparer.Ordinal)
                    .Select(p => $"{project.RelativePath}: references package {p}: plots and HTML live in {Reports}"));
            }
            if (project.Name is Abstractions or Modules)
            {
                violations.AddRange(Versioned(project));
            }
        }
        return violations;
    }

    private static IEnumerable<string> Only(ProjectFile project, string[] allowed, string why) =>
        project.ProjectReferences.Where(r => !allowed.Contains(r, StringComparer.Ordinal))
            .Select(r => $"{project.RelativePath}: references {r}: {why}");

    private static IEnumerable<string> Never(ProjectFile project, Dictionary<string, ProjectFile> byName, string[] forbidden, string why)
    {
        foreach (var direct in project.ProjectReferences)
        {
            var reached = Reach(direct, byName);
            foreach (var bad in forbidden.Where(reached.Contains))
            {
                yield return bad == direct
                    ? $"{project.RelativePath}: references {bad}: {why}"
                    : $"{project.RelativePath}: references {direct}, which reaches {bad}: {why}";
            }
        }
    }

    private static HashSet<string> Reach(string start, Dictionary<string, ProjectFile> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var name))
        {
            if (seen.Add(name) && byName.TryGetValue(name, out var project))
            {
                project.ProjectReferences.ToList().ForEach(pending.Push);
            }
        }
        return seen;
    }

    /// <summary>A project plugins bind to at run time carries a version the loader checks and a declared public API.</summary>
    private static IEnumerable<string> Versioned(ProjectFile project)
    {
        if (!project.Properties.ContainsKey("Version"))
        {
            yield return $"{project.RelativePath}: declares no <Version>: plugins bind to it, so the loader checks its version";
        }
        if (!project.PackageReferences.Contains("Microsoft.CodeAnalysis.PublicApiAnalyzers", StringComparer.Ordinal))
        {
            yield return $"{project.RelativePath}: does not reference Microsoft.CodeAnalysis.PublicApiAnalyzers: its public API is an ABI";
        }
        foreach (var file in (string[])["PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"])
        {
            if (!project.AdditionalFiles.Contains(file, StringComparer.Ordinal))
            {
                yield return $"{project.RelativePath}: does not declare {file} as AdditionalFiles: its public API is an ABI";
            }
        }
    }
}
