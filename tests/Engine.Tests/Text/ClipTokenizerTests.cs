using ClipHost.Engine.Tests.TestSupport;
using ClipHost.Engine.Text;

namespace ClipHost.Engine.Tests.Text;

public sealed class ClipTokenizerTests
{
    private static readonly string[] Captions = ["grinning face", "grinning cat face", "red apple", "green apple", "face with tears of joy"];

    [Fact]
    public void Encode_PutsStartAndEndTokensAndPadsWithZeros()
    {
        var tokenizer = ClipTokenizer.Build(Captions, 64, 8);
        var ids = tokenizer.Encode("red apple");
        Assert.Equal(8, ids.Length);
        Assert.Equal(ClipTokenizer.StartOfText, ids[0]);
        var end = Array.IndexOf(ids, (long)ClipTokenizer.EndOfText);
        Assert.True(end >= 2, "at least one token between SOT and EOT");
        Assert.All(ids[1..end], id => Assert.True(id >= ClipTokenizer.SpecialCount));
        Assert.All(ids[(end + 1)..], id => Assert.Equal(ClipTokenizer.Pad, id));
    }

    [Fact]
    public void Encode_LongText_IsCutButKeepsTheEndToken()
    {
        var tokenizer = ClipTokenizer.Build(Captions, 64, 5);
        var ids = tokenizer.Encode("face with tears of joy grinning face red apple green apple");
        Assert.Equal(ClipTokenizer.EndOfText, ids[^1]);
        Assert.DoesNotContain((long)ClipTokenizer.Pad, ids);
    }

    [Fact]
    public void Build_KeepsOnlyTheMostFrequentTokens_AndMapsTheRestToUnknown()
    {
        var small = ClipTokenizer.Build(Captions, ClipTokenizer.SpecialCount + 3, 16);
        Assert.Equal(ClipTokenizer.SpecialCount + 3, small.VocabSize);
        Assert.Contains((long)ClipTokenizer.Unknown, small.Encode("face with tears of joy"));

        var full = ClipTokenizer.Build(Captions, 1000, 16);
        Assert.Equal(0, full.UnknownRate("red apple"));
        Assert.Equal(1, full.UnknownRate("zebra"));
        Assert.Contains((long)ClipTokenizer.Unknown, full.Encode("zebra crossing"));
    }

    [Fact]
    public void Encode_IsCaseAndWhitespaceInsensitive_AsClipIs()
    {
        var tokenizer = ClipTokenizer.Build(Captions, 64, 8);
        Assert.Equal(tokenizer.Encode("red apple"), tokenizer.Encode("  RED   Apple "));
    }

    [Fact]
    public void SaveLoad_GivesTheSameEncodings()
    {
        using var dir = new TempDir();
        var tokenizer = ClipTokenizer.Build(Captions, 64, 8);
        tokenizer.Save(dir.Combine("tokenizer.json"));
        var loaded = ClipTokenizer.Load(dir.Combine("tokenizer.json"));
        foreach (var caption in Captions.Append("unseen words here"))
        {
            Assert.Equal(tokenizer.Encode(caption), loaded.Encode(caption));
        }
    }
}
