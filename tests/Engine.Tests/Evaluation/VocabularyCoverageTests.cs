using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Text;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>Unknown-word rates on a small case whose counts are known by hand.</summary>
public sealed class VocabularyCoverageTests
{
    [Fact]
    public void OfPrompts_NamesAndTemplatesWithUnknownWords_CountsThemByWord()
    {
        // The vocabulary knows "red", " apple", "green" and " red" as captions use them, nothing of "blue" or "photo".
        var tokenizer = ClipTokenizer.Build(["red apple", "green apple", "green red"], vocabSize: 64, contextLength: 8);

        var coverage = VocabularyCoverage.OfPrompts(tokenizer, ["red apple", "blue apple"], ["{c}", "{c} red", "photo {c}"]);

        // Words: red, apple, blue, apple (names) + red, photo (templates) = 6; unknown: blue, photo.
        Assert.Equal(6, coverage.Words);
        Assert.Equal(2 / 6.0, coverage.UnknownWordRate, 12);
        Assert.Equal(["blue", "photo"], coverage.UnknownWords);
        Assert.Equal(["blue apple"], coverage.ClassNamesWithUnknownWords);
    }

    [Fact]
    public void UnknownWords_PartOfAWordOutsideTheVocabulary_MakesTheWordUnknown()
    {
        var tokenizer = ClipTokenizer.Build(["apple"], vocabSize: 64, contextLength: 8);

        var unknown = tokenizer.UnknownWords("apple applesauce", out var words);

        Assert.Equal(2, words);
        Assert.Equal(["applesauce"], unknown);
    }
}
