using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ClipHost.Engine.Tests.Architecture;

public sealed class NamespaceCycleTests
{
    [Fact]
    public void EngineSources_CompileWithEveryNameResolved()
    {
        // The graph is only as good as the resolution: an unresolved name would hide an edge.
        var errors = SourceTree.Engine.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error && !IsSourceGeneratorGap(d))
            .Select(d => $"{SourceTree.Where(d.Location)} {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();

        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(30)));
    }

    [Fact]
    public void EngineNamespaces_HaveNoCycles()
    {
        var graph = NamespaceGraph.Build(SourceTree.EngineNames, "ClipHost.Engine");
        Assert.True(graph.Edges.Count > 10, $"found {graph.Edges.Count} edges between engine namespaces");

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, string.Join("\n\n", cycles.Select(c => "cycle:\n  " + string.Join("\n  ", c))));
    }

    [Fact]
    public void Engine_StartsNoProcesses()
    {
        // Installing packages (apt-get, npm) is the host's business, behind IDataPackages.
        var found = SourceTree.EngineNames.Where(n => n.Symbol switch
        {
            INamedTypeSymbol type when !n.Syntax.IsVar => type.ToDisplayString() == "System.Diagnostics.ProcessStartInfo",
            IMethodSymbol method => method.Name == "Start" && method.ContainingType.ToDisplayString() == "System.Diagnostics.Process",
            _ => false,
        }).Select(n => n.Where).ToList();

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Fact]
    public void MadeUpCycle_IsReportedWithItsEdges()
    {
        var a = CSharpSyntaxTree.ParseText("namespace Root.A.Inner; public class Alpha { public Root.B.Beta? Next; }", path: "A.cs", cancellationToken: TestContext.Current.CancellationToken);
        var b = CSharpSyntaxTree.ParseText("namespace Root.B; public class Beta { public Root.C.Gamma? Next; }", path: "B.cs", cancellationToken: TestContext.Current.CancellationToken);
        var c = CSharpSyntaxTree.ParseText("namespace Root.C; using Root.A.Inner; public class Gamma {\n public Alpha? Back; }", path: "C.cs", cancellationToken: TestContext.Current.CancellationToken);
        var d = CSharpSyntaxTree.ParseText("namespace Root.D; public class Delta { public Root.A.Inner.Alpha? Uses; }", path: "D.cs", cancellationToken: TestContext.Current.CancellationToken);
        var compilation = CSharpCompilation.Create("Cycle", [a, b, c, d], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var cycles = NamespaceGraph.Build(ResolvedName.All(compilation), "Root").Cycles();

        var cycle = Assert.Single(cycles);
        Assert.Contains(cycle, e => e.StartsWith("A -> B (A.cs:1 ", StringComparison.Ordinal));
        Assert.Contains(cycle, e => e.StartsWith("B -> C (B.cs:1 ", StringComparison.Ordinal));
        Assert.Contains("C -> A (C.cs:2 Alpha)", cycle);
        Assert.DoesNotContain(cycle, e => e.StartsWith("D ", StringComparison.Ordinal));
    }

    /// <summary>The source generators' halves (LoggerMessage, Regex) are not run here; their partial declarations stay bare.</summary>
    private static bool IsSourceGeneratorGap(Diagnostic d) => d.Id is "CS8795" or "CS9248";
}
