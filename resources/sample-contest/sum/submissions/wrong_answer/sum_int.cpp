// Wrong: 32-bit integers overflow on the large tests.
#include <iostream>

int main() {
    long long a, b;
    std::cin >> a >> b;
    int sum = static_cast<int>(a) + static_cast<int>(b);
    std::cout << sum << '\n';
}
