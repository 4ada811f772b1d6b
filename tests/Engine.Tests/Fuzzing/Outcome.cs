namespace ClipHost.Engine.Tests.Fuzzing;

/// <summary>A case's verdict and what it said (the rejection, the crash's exception, the escaped path).</summary>
public sealed record Outcome(Verdict Verdict, string Detail)
{
    public bool IsFinding => Verdict is not (Verdict.Accepted or Verdict.Rejected);

    public static Outcome Accepted(string detail = "") => new(Verdict.Accepted, detail);

    public static Outcome Rejected(string detail) => new(Verdict.Rejected, detail);

    public static Outcome Crash(Exception e) => new(Verdict.Crash, $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}");

    /// <summary>A rejection whose message must be non-empty and mention <paramref name="mustName"/> (a field or file).</summary>
    public static Outcome Named(string message, string mustName) =>
        !string.IsNullOrWhiteSpace(message) && message.Contains(mustName, StringComparison.Ordinal)
            ? Rejected(message)
            : new(Verdict.Unnamed, $"'{message}' does not name '{mustName}'");
}
