using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClipHost.Engine.Tests.Architecture;

/// <summary>A name in the sources, the namespace it is written in and the symbol it binds to.</summary>
public sealed record ResolvedName(SimpleNameSyntax Syntax, INamespaceSymbol? WrittenIn, ISymbol? Symbol)
{
    public string Where => $"{SourceTree.Where(Syntax.GetLocation())} {Syntax.Identifier.ValueText}";

    /// <summary>Binds every name of every file once (the costly part, shared by every rule that reads symbols).</summary>
    public static IReadOnlyList<ResolvedName> All(Compilation compilation)
    {
        var names = new List<ResolvedName>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                names.Add(new ResolvedName(name, model.GetEnclosingSymbol(name.SpanStart)?.ContainingNamespace, info.Symbol ?? info.CandidateSymbols.FirstOrDefault()));
            }
        }
        return names;
    }
}
