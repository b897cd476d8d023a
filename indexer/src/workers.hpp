// A fixed set of worker threads running tasks from one queue: index runs
// read and extract articles on them while the calling thread writes.
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

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::packaged_task<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace gazette
