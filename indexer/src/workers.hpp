// A fixed set of worker threads running tasks from one queue: index runs
// read and extract articles on them while the calling thread writes. The
// workers run at a lower priority than the writing thread.
// Results come back through the futures submit() returns, so the caller
// takes them in the order it submitted.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace gazette {

class Workers {
  public:
    explicit Workers(unsigned threads) {
        for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this] { loop(); });
    }
    ~Workers() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        ready_.notify_all();
        for (auto& t : threads_) t.join();  // tasks still queued are run first
    }
    Workers(const Workers&) = delete;
    Workers& operator=(const Workers&) = delete;

    /// Queues `task`; its future is ready (or holds its exception) once a
    /// worker has run it.
    std::future<void> submit(std::function<void()> task) {
        std::packaged_task<void()> job(std::move(task));
        auto done = job.get_future();
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(std::move(job));
        }
        ready_.notify_one();
        return done;
    }

  private:
    void loop() {
        yield_to_writer();
        for (;;) {
            std::packaged_task<void()> job;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
                if (queue_.empty()) return;
                job = std::move(queue_.front());
                queue_.pop_front();
            }
            job();
        }
    }

    // The writing thread is a run's bound (Xapian's writes): where it and
    // the workers want more cores than there are, it should win. A worker
    // runs at a lower priority (nice 10, this thread only on Linux); alone
    // on a core it runs as fast as before. (20,000 articles, 2 cores:
    // 68.8 -> 58.1 s, docs/performance.md.)
    static void yield_to_writer() {
#ifdef __linux__
        (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
    }

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::packaged_task<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace gazette
