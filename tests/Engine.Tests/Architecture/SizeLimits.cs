using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClipHost.Engine.Tests.Architecture;

/// <summary>Issue 15's size limits: no file over 250 lines, no method, constructor, accessor or local function over 60.</summary>
public static class SizeLimits
{
    public const int MaxFileLines = 250;
    public const int MaxMemberLines = 60;

    public static IEnumerable<string> Check(SyntaxTree tree)
    {
        var lines = tree.GetText().Lines.Count;
        // A final newline makes an empty last line that no editor counts.
        if (tree.GetText().ToString().EndsWith('\n'))
        {
            lines--;
        }
        if (lines > MaxFileLines)
        {
            yield return $"{tree.FilePath}: {lines} lines (limit {MaxFileLines})";
        }
        foreach (var member in tree.GetRoot().DescendantNodes().Where(IsBodyMember))
        {
            var span = member.GetLocation().GetLineSpan();
            var length = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (length > MaxMemberLines)
            {
                yield return $"{tree.FilePath}:{span.StartLinePosition.Line + 1} {Name(member)}: {length} lines (limit {MaxMemberLines})";
            }
        }
    }

    private static bool IsBodyMember(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax;

    private static string Name(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        ConstructorDeclarationSyntax c => c.Identifier.ValueText + " (constructor)",
        LocalFunctionStatementSyntax f => f.Identifier.ValueText + " (local function)",
        AccessorDeclarationSyntax a => a.Parent?.Parent switch
        {
            PropertyDeclarationSyntax p => $"{p.Identifier.ValueText} {a.Keyword.ValueText}",
            EventDeclarationSyntax e => $"{e.Identifier.ValueText} {a.Keyword.ValueText}",
            _ => $"this[] {a.Keyword.ValueText}",
        },
        _ => node.Kind().ToString(),
    };
}
