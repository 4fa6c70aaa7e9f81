using Microsoft.AspNetCore.Http;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.UnitTests.Kernel;

/// <summary>Refusals are answers (logged as warnings without a stack); only what maps to 5xx is a fault.</summary>
public sealed class ProblemClassificationTests
{
    [Fact]
    public void Refusals_are_not_faults()
    {
        FazhiExceptionHandler.IsFault(new NotFoundException("不存在")).ShouldBeFalse();
        FazhiExceptionHandler.IsFault(new ForbiddenException("无权")).ShouldBeFalse();
        FazhiExceptionHandler.IsFault(new ConflictException("冲突")).ShouldBeFalse();
        FazhiExceptionHandler.IsFault(FazhiValidationException.For("from", "有误")).ShouldBeFalse();
        FazhiExceptionHandler.IsFault(new BadHttpRequestException("too large", 413)).ShouldBeFalse();
        FazhiExceptionHandler.Classify(new ForbiddenException("无权")).Status.ShouldBe(403);
        FazhiExceptionHandler.Classify(new NotFoundException("不存在")).Status.ShouldBe(404);
    }

    [Fact]
    public void An_unexpected_exception_is_a_fault()
    {
        FazhiExceptionHandler.IsFault(new InvalidOperationException("bug")).ShouldBeTrue();
        FazhiExceptionHandler.IsFault(new ArgumentOutOfRangeException("year")).ShouldBeTrue();
    }

    [Fact]
    public void A_busy_embedded_database_is_try_again_not_a_duplicate()
    {
        var busy = new Microsoft.Data.Sqlite.SqliteException("database is locked", 5);
        FazhiExceptionHandler.Classify(busy).Status.ShouldBe(503);
        FazhiExceptionHandler.Classify(new Microsoft.EntityFrameworkCore.DbUpdateException("save", busy)).Status.ShouldBe(503);
        var unique = new Microsoft.Data.Sqlite.SqliteException("UNIQUE constraint failed", 19);
        FazhiExceptionHandler.Classify(new Microsoft.EntityFrameworkCore.DbUpdateException("save", unique)).Status.ShouldBe(409);
    }

    [Fact]
    public void The_middleware_takes_the_status_and_keeps_its_error_log_for_faults_only()
    {
        var options = FazhiExceptionHandler.Options("/error");
        options.ExceptionHandlingPath.Value.ShouldBe("/error");
        options.StatusCodeSelector!(new NotFoundException("不存在")).ShouldBe(404);
        options.StatusCodeSelector!(new InvalidOperationException("bug")).ShouldBe(500);
    }
}
