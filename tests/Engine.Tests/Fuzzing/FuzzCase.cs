namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>
/// One generated input: the bytes a target reads and the file name they are given (names are fuzzed too: a
/// manifest called "...csv" names its store ".."). A folder tree is serialised by <see cref="FolderTree"/>.
/// </summary>
public sealed record FuzzCase(string FileName, byte[] Bytes, string Mutations)
{
    public override string ToString() => $"{FileName} ({Bytes.Length} bytes; {Mutations})";
}
