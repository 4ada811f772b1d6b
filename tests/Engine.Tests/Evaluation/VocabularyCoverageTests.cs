using ClipHost.Engine.Evaluation;
using ClipHost.Engine.Text;

namespace ClipHost.Engine.Tests.Evaluation;

/// <summary>Unknown-word rates on a small case whose counts are known by hand.</summary>
public sealed class VocabularyCoverageTests
{
    [Fact]
    public void OfPrompts_CountsEveryWordOfEveryPrompt_AsTheModelReadsIt()
    {
        // The vocabulary knows "red", " apple", "green" and " red" as captions use them, nothing of "blue" or "photo".
        var tokenizer = ClipTokenizer.Build(["red apple", "green apple", "green red"], vocabSize: 64, contextLength: 8);

        var coverage = VocabularyCoverage.OfPrompts(tokenizer, ["red apple", "blue apple"], ["{c}", "{c} red", "photo {c}"]);

        // Prompts: "red apple", "red apple red", "photo red apple", "blue apple", "blue apple red", "photo blue apple":
        // 16 words; unknown: photo twice, blue three times.
        Assert.Equal(16, coverage.Words);
        Assert.Equal(5 / 16.0, coverage.UnknownWordRate, 12);
        Assert.Equal(["blue", "photo"], coverage.UnknownWords);
        Assert.Equal(["blue apple"], coverage.ClassNamesWithUnknownWords);
        Assert.Equal(["blue apple"], coverage.ClassNamesUnknownInEveryPrompt);
    }

    [Fact]
    public void OfPrompts_JudgesAClassNameWhereItStands_NotOnItsOwn()
    {
        // Captions say " shapes" after a space; "shapes" opening a text is another cl100k token, which they never use.
        var tokenizer = ClipTokenizer.Build(["a drawing of shapes", "a drawing of red shapes"], vocabSize: 64, contextLength: 8);
        Assert.Equal(["shapes"], tokenizer.UnknownWords("shapes", out _));

        var inText = VocabularyCoverage.OfPrompts(tokenizer, ["shapes"], ["a drawing of {c}"]);
        var both = VocabularyCoverage.OfPrompts(tokenizer, ["shapes"], ["{c}", "a drawing of {c}"]);

        // The model reads every word of "a drawing of shapes": the name is known where the template puts it.
        Assert.Equal(0, inText.UnknownWordRate);
        Assert.Empty(inText.ClassNamesWithUnknownWords!);
        // Alone ("{c}") it is not: unknown in one of its two prompts, so not unreadable in all of them.
        Assert.Equal(["shapes"], both.ClassNamesWithUnknownWords);
        Assert.Empty(both.ClassNamesUnknownInEveryPrompt!);
        Assert.Equal(1 / 5.0, both.UnknownWordRate, 12);
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
