namespace ClipHost.Host.Runs;

/// <summary>
/// A run of that name exists and cannot take this submission: another config, or it is being worked on now. The API
/// answers 409, the CLI exits 2; both name the field, <c>name</c>.
/// </summary>
public sealed class RunConflictException(string message) : Exception(message)
{
    public OptionError Error => new("name", Message);
}
