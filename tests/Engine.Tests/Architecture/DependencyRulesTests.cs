using ClipHost.Engine.Tests.TestSupport;

namespace ClipHost.Engine.Tests.Architecture;

public sealed class DependencyRulesTests
{
    [Fact]
    public void RepositoryProjects_KeepTheDependencyRules()
    {
        var projects = ProjectFile.LoadAll(Importer.RepositoryRoot(), "src", "plugins");

        // Not vacuous: the projects the rules speak of are all found, and the plugins' props adds their references.
        var names = projects.Select(p => p.Name).ToList();
        Assert.Contains(DependencyRules.Abstractions, names);
        Assert.Contains(DependencyRules.Modules, names);
        Assert.Contains(DependencyRules.Engine, names);
        Assert.Contains(DependencyRules.Host, names);
        var plugins = projects.Where(p => p.RelativePath.StartsWith("plugins/", StringComparison.Ordinal)).ToList();
        Assert.True(plugins.Count >= 10, $"found {plugins.Count} plugin projects");
        Assert.All(plugins, p => Assert.Contains(DependencyRules.Abstractions, p.ProjectReferences));

        var violations = DependencyRules.Check(projects);
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void MadeUpViolations_AreEachReportedWithProjectAndReference()
    {
        using var dir = new TempDir();
        dir.Write("src/Abstractions/ClipHost.Abstractions.csproj", Project("<Version>1.0.0</Version>", "../Engine/ClipHost.Engine.csproj"));
        dir.Write("src/Modules/ClipHost.Modules.csproj", Project("", "../Engine/ClipHost.Engine.csproj"));
        dir.Write("src/Engine/ClipHost.Engine.csproj", Project("", "../Reports/ClipHost.Reports.csproj") .Replace("</Project>", "<ItemGroup><PackageReference Include=\"ScottPlot\" /></ItemGroup></Project>", StringComparison.Ordinal));
        dir.Write("src/Reports/ClipHost.Reports.csproj", Project("", "../Host/ClipHost.Host.csproj"));
        dir.Write("src/Host/ClipHost.Host.csproj", Project(""));
        dir.Write("plugins/Directory.Build.props", Project("", "$(MSBuildThisFileDirectory)../src/Abstractions/ClipHost.Abstractions.csproj"));
        dir.Write("plugins/Good/Good.csproj", Project(""));
        dir.Write("plugins/Bad/Bad.csproj", Project("", "..\\..\\src\\Engine\\ClipHost.Engine.csproj"));
        dir.Write("plugins/Bad/obj/Ignored.csproj", Project("", "../../../src/Host/ClipHost.Host.csproj"));

        var violations = DependencyRules.Check(ProjectFile.LoadAll(dir.Path, "src", "plugins"));

        string[] expected =
        [
            "src/Abstractions/ClipHost.Abstractions.csproj: references ClipHost.Engine: Abstractions depends on no project of ours",
            "src/Modules/ClipHost.Modules.csproj: references ClipHost.Engine: Modules may reference only Abstractions",
            "src/Modules/ClipHost.Modules.csproj: declares no <Version>",
            "src/Modules/ClipHost.Modules.csproj: does not declare PublicAPI.Shipped.txt",
            "src/Engine/ClipHost.Engine.csproj: references ClipHost.Reports: the engine never reaches",
            "src/Engine/ClipHost.Engine.csproj: references ClipHost.Reports, which reaches ClipHost.Host: the engine never reaches",
            "src/Engine/ClipHost.Engine.csproj: references package ScottPlot",
            "src/Reports/ClipHost.Reports.csproj: references ClipHost.Host: it sits below the host",
            "plugins/Bad/Bad.csproj: references ClipHost.Engine: plugins reach only Abstractions and Modules",
        ];
        foreach (var line in expected)
        {
            Assert.True(violations.Any(v => v.StartsWith(line, StringComparison.Ordinal)), $"not reported: {line}\nreported:\n{string.Join('\n', violations)}");
        }
        Assert.DoesNotContain(violations, v => v.StartsWith("plugins/Good/", StringComparison.Ordinal) || v.Contains("Ignored", StringComparison.Ordinal));
    }

    private static string Project(string properties, params string[] references) =>
        $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>{properties}</PropertyGroup>
          <ItemGroup>{string.Concat(references.Select(r => $"<ProjectReference Include=\"{r}\" />"))}</ItemGroup>
        </Project>
        """;
}
