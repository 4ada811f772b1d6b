using Microsoft.CodeAnalysis.CSharp;

namespace ClipHost.Engine.Tests.Architecture;

public sealed class SizeLimitTests
{
    [Fact]
    public void SourceFiles_StayWithinTheFileAndMemberSizeLimits()
    {
        var trees = SourceTree.Parse("src");
        Assert.True(trees.Count > 200, $"read {trees.Count} files under src/");

        var violations = trees.SelectMany(SizeLimits.Check).ToList();

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void MadeUpLongMembers_AreReportedWithFileLineAndName()
    {
        var body = string.Concat(Enumerable.Repeat("        x++;\n", 60));
        var source = $$"""
            namespace N;

            public class Big
            {
                private int x;

                public Big()
                {
            {{body}}    }

                public void Short() => x++;

                public int Long
                {
                    get
                    {
            {{body}}            return x;
                    }
                }

                public void Outer()
                {
                    void Inner()
                    {
            {{body}}        }
                    Inner();
                }
            }
            """ + string.Concat(Enumerable.Repeat("// padding\n", 60));
        var tree = CSharpSyntaxTree.ParseText(source, path: "src/Big.cs", cancellationToken: TestContext.Current.CancellationToken);

        var violations = SizeLimits.Check(tree).ToList();

        Assert.Contains(violations, v => v.StartsWith("src/Big.cs: ", StringComparison.Ordinal) && v.EndsWith("lines (limit 250)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("src/Big.cs:7 Big (constructor): 63 lines (limit 60)", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("src/Big.cs:", StringComparison.Ordinal) && v.Contains(" Long get: ", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("src/Big.cs:", StringComparison.Ordinal) && v.Contains(" Inner (local function): 63 lines", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("src/Big.cs:", StringComparison.Ordinal) && v.Contains(" Outer: ", StringComparison.Ordinal));
        Assert.DoesNotContain(violations, v => v.Contains("Short", StringComparison.Ordinal));
    }
}
