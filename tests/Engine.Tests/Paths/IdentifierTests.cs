using ClipHost.Abstractions.Options;
using ClipHost.Engine.Paths;

namespace ClipHost.Engine.Tests.Paths;

/// <summary>The one rule for names that become paths, and paths kept inside their root (links followed as the kernel would).</summary>
public sealed class IdentifierTests
{
    [Theory]
    [InlineData("emoji")]
    [InlineData("quickstart-20260101-120000-ab12")]
    [InlineData("v1.2_final")]
    [InlineData("0")]
    public void Identifier_PlainNames_AreAccepted(string name) => Assert.Null(Identifier.Check(name, "f"));

    [Theory]
    [InlineData("", "is empty")]
    [InlineData(".", "does not start with a letter or digit")]
    [InlineData("..", "does not start with a letter or digit")]
    [InlineData(".hidden", "does not start with a letter or digit")]
    [InlineData("-rf", "does not start with a letter or digit")]
    [InlineData("a/b", "contains '/'")]
    [InlineData("a\\b", "contains '\\'")]
    [InlineData("a b", "contains U+0020")]
    [InlineData("a\nb", "contains U+000A")]
    [InlineData("café", "contains 'é'")]
    [InlineData("a*", "contains '*'")]
    public void Identifier_AnythingElse_IsRefusedSayingWhy(string name, string problem)
    {
        var error = Identifier.Check(name, "data.store");
        Assert.NotNull(error);
        Assert.Equal("data.store", error.Field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(Identifier.Rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifier_Length_IsBoundedSoWhatIsAppendedStaysWithinAFileName()
    {
        Assert.Null(Identifier.Check(new string('a', Identifier.MaxLength), "f"));
        var error = Identifier.Check(new string('a', Identifier.MaxLength + 1), "f")!;
        Assert.Contains("129 characters long, over the limit of 128", error.Message, StringComparison.Ordinal);
        // A refused name is quoted short, not in full.
        Assert.True(error.Message.Length < 200, error.Message);
        // The longest names built from an identifier: a partial store folder and an evaluation result file.
        Assert.True($".partial-{new string('a', Identifier.MaxLength)}-{Guid.NewGuid():N}".Length <= 200);
        Assert.True($"{new string('a', Identifier.MaxLength)}_zeroshot_classification.json".Length <= 200);
        Assert.Throws<OptionsValidationFailedException>(() => Identifier.Require("..", "f"));
    }

    [Fact]
    public void RootedPath_KeepsPathsInsideTheRoot_FollowingLinks()
    {
        using var dir = new TempDir();
        var root = dir.Combine("runs");
        Directory.CreateDirectory(Path.Combine(root, "run", "checkpoints"));
        Directory.CreateDirectory(dir.Combine("elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(root, "escape"), dir.Combine("elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(root, "alias"), Path.Combine(root, "run"));
        Directory.CreateSymbolicLink(Path.Combine(root, "loop"), Path.Combine(root, "loop2"));
        Directory.CreateSymbolicLink(Path.Combine(root, "loop2"), Path.Combine(root, "loop"));

        Assert.Equal(Path.Combine(root, "run", "checkpoints"), RootedPath.Inside(root, "run/checkpoints"));
        Assert.Equal(Path.Combine(root, "run"), RootedPath.Inside(root, Path.Combine(root, "run")));
        Assert.Equal(Path.Combine(root, "alias", "checkpoints"), RootedPath.Inside(root, "alias/checkpoints"));
        Assert.Equal(Path.Combine(root, "run", "not-yet"), RootedPath.Inside(root, "run/not-yet"));
        Assert.Null(RootedPath.Inside(root, "../elsewhere"));
        Assert.Null(RootedPath.Inside(root, dir.Combine("elsewhere")));
        Assert.Null(RootedPath.Inside(root, "/etc"));
        Assert.Null(RootedPath.Inside(root, "escape"));
        Assert.Null(RootedPath.Inside(root, "escape/deeper/still"));
        Assert.Null(RootedPath.Inside(root, "loop/x"));
        Assert.Equal(Path.Combine(root, "run"), RootedPath.Child(root, "run", "f"));
        Assert.Equal("f", Assert.Throws<OptionsValidationFailedException>(() => RootedPath.Child(root, "..", "f")).Errors[0].Field);
    }
}
