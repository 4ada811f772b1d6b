namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// Every case the fuzzers ever failed on, replayed under the same property: it must now pass (refused and named, or
/// imported with its skips named) without a crash, a hang or a write outside its root.
/// </summary>
public sealed class CorpusReplayTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.All.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var (id, _, _) in Corpus.Read(Path.Combine(Corpus.Folder, target)))
            {
                data.Add(target, id);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Replay_CaseThatOnceFailed_NowPasses(string target, string id)
    {
        var fuzz = FuzzTargets.All[target];
        var (_, input, found) = Corpus.Read(Path.Combine(Corpus.Folder, target)).Single(c => c.Id == id);
        using var dir = new TempDir();

        var outcome = FuzzDriver.RunOne(fuzz, input, dir.Path, 0);

        Assert.False(outcome.IsFinding, $"{target}/{id} ({found}) still fails: {outcome.Verdict} {outcome.Detail}");
    }

    [Fact]
    public void Corpus_EveryTarget_HasItsFolderAndEveryCaseItsNote()
    {
        foreach (var folder in Directory.EnumerateDirectories(Corpus.Folder))
        {
            Assert.Contains(Path.GetFileName(folder), FuzzTargets.All.Keys);
            foreach (var bin in Directory.EnumerateFiles(folder, "*.bin"))
            {
                Assert.StartsWith("found: ", File.ReadLines(Path.ChangeExtension(bin, ".txt")).First(), StringComparison.Ordinal);
            }
        }
    }
}
