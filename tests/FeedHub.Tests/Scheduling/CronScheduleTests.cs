using FeedHub.Scheduling;
using Xunit;

namespace FeedHub.Tests.Scheduling;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("0 6 * * 1-5")]
    [InlineData("0 */15 * * * ?")]
    public void Accepts_unix_and_quartz_syntax(string expression)
    {
        Assert.True(CronSchedule.TryNormalize(expression, out var quartz, out var error), error);
        Assert.NotNull(Quartz.CronExpression.Parse(quartz));
    }

    [Theory]
    [InlineData("every five minutes")]
    [InlineData("61 * * * *")]
    [InlineData("")]
    public void Rejects_what_is_not_cron_with_a_reason(string expression)
    {
        Assert.False(CronSchedule.TryNormalize(expression, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
